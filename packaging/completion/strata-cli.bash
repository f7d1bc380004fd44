# bash completion for strata-cli: commands, options, backup ids and migration versions.
# The candidates come from strata-cli itself (`strata-cli complete ...`), so they follow the installed
# version's commands, and the backups and versions of the --db and --migrations already on the line.

_strata_cli() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local cli=${COMP_WORDS[0]} command="" i
    local -a pass=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        --db | --migrations | --config)
            pass+=("${COMP_WORDS[i]}" "${COMP_WORDS[i + 1]}")
            ((i++))
            ;;
        --db=* | --migrations=* | --config=*) pass+=("${COMP_WORDS[i]}") ;;
        --lock-timeout | --to | --enable | --out | --count | --days | --seed | --table | --tool | \
            --acknowledge-run | --rehearse-on | --cancel | --terminate | --wait) ((i++)) ;;
        --version) [[ ${COMP_WORDS[i + 1]} =~ ^[0-9]+$ ]] && ((i++)) ;;
        -*) ;;
        *) [[ -z $command ]] && command=${COMP_WORDS[i]} ;;
        esac
    done
    # A path given with ~ is expanded as the shell would, for the candidates strata-cli reads.
    pass=("${pass[@]/#\~/$HOME}")

    local words
    case $prev in
    --migrations)
        mapfile -t COMPREPLY < <(compgen -d -- "$cur")
        return
        ;;
    --config | --out | --db | --rehearse-on)
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        return
        ;;
    --to | --version)
        words=$("$cli" "${pass[@]}" complete versions 2>/dev/null)
        mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
        return
        ;;
    esac
    if [[ $cur == -* ]]; then
        words=$("$cli" complete options $command 2>/dev/null)
    elif [[ -z $command || $command == help ]]; then
        words=$("$cli" complete commands 2>/dev/null)
    else
        case $command in
        restore | verify) words=$("$cli" "${pass[@]}" complete backups 2>/dev/null) ;;
        demo) words="risk-state strategies" ;;
        strategies) words="lineage performance" ;;
        *) return ;;
        esac
    fi
    mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
}
complete -F _strata_cli strata-cli

#!/usr/bin/env bash
# Takes the screenshots in packaging/screenshots/ (README, AppStream) from the real app under Xvfb, on a
# fresh demo database in a throwaway home folder. Run after a build: ./scripts/screenshots.sh
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$STRATA_ROOT"

APP=$BUILD_DIR/bin/strata
CLI=$BUILD_DIR/bin/strata-cli
OUT=packaging/screenshots
[[ -x $APP && -x $CLI ]] || { echo "Build Strata first (./scripts/run.sh or ./scripts/test.sh)." >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing: run scripts/install-deps.sh." >&2; exit 1; }

HOME_DIR=$(mktemp -d "${TMPDIR:-/tmp}/strata-shots.XXXXXX")
trap 'rm -rf "$HOME_DIR"' EXIT
export HOME=$HOME_DIR XDG_DATA_HOME=$HOME_DIR/data XDG_CONFIG_HOME=$HOME_DIR/config XDG_RUNTIME_DIR=$HOME_DIR/run
mkdir -p "$XDG_RUNTIME_DIR" "$OUT"
chmod 700 "$XDG_RUNTIME_DIR"

shot() { # shot FILE ARGS...: the window once it shows its database
    local file=$1
    shift
    xvfb-run -a -s "-screen 0 1280x800x24" "$APP" "$@" --screenshot "$file"
    log "wrote $file"
}

# First launch: the demo, v1 (baseline) with v2 pending in three phases.
shot "$OUT/main-window.png" --demo

# The timeline after the runbook: applied steps with their times, durations, checksums and who ran them.
DEMO=$XDG_DATA_HOME/strata/demo/state.db
"$CLI" --db "sqlite:$DEMO" --migrations migrations/risk_state migrate --yes >/dev/null 2>&1
shot "$OUT/timeline-migrated.png" --demo

# The timeline on Alembic projects (tests/compat/alembic), each database brought to its revisions by the real
# Alembic (Debian's python3-alembic): a merge whose two branches are applied, and seed 002's two heads.
alembic_upgrade() { # alembic_upgrade PROJECT SQLITE_FILE REVISION...
    local project=$1 db=$2
    shift 2
    (cd "tests/compat/alembic/$project" && PYTHONDONTWRITEBYTECODE=1 /usr/bin/python3 -c '
import sys
from alembic import command
from alembic.config import Config
config = Config("alembic.ini")
config.set_main_option("sqlalchemy.url", "sqlite:///" + sys.argv[1])
for revision in sys.argv[2:]:
    command.upgrade(config, revision)
' "$db" "$@") >/dev/null 2>&1
}
alembic_upgrade merge "$HOME_DIR/alembic-merge.db" b2000000fill c3000000risk
shot "$OUT/timeline-alembic-merge.png" --db "sqlite:$HOME_DIR/alembic-merge.db" --migrations tests/compat/alembic/merge
alembic_upgrade two-heads "$HOME_DIR/alembic-two-heads.db" 002
shot "$OUT/timeline-alembic-two-heads.png" --db "sqlite:$HOME_DIR/alembic-two-heads.db" \
    --migrations tests/compat/alembic/two-heads
alembic_upgrade labelled-branches "$HOME_DIR/alembic-labelled.db" heads
shot "$OUT/timeline-alembic-labelled-branches.png" --db "sqlite:$HOME_DIR/alembic-labelled.db" \
    --migrations tests/compat/alembic/labelled-branches

# A database the real dbmate (npm, build/tools/dbmate) migrated with the first four files of the corpus's
# dbmate folder, opened with all six: managed by dbmate, not adopted yet, two pending.
DBMATE=$BUILD_DIR/tools/dbmate/node_modules/.bin/dbmate
if [[ -x $DBMATE ]]; then
    mkdir -p "$HOME_DIR/dbmate-first"
    cp tests/compat/dbmate/sqlite/2023120[1-4]*.sql "$HOME_DIR/dbmate-first/"
    "$DBMATE" --url "sqlite:$HOME_DIR/dbmate.db" --migrations-dir "$HOME_DIR/dbmate-first" --no-dump-schema \
        migrate >/dev/null
    shot "$OUT/timeline-dbmate-managed.png" --db "sqlite:$HOME_DIR/dbmate.db" \
        --migrations tests/compat/dbmate/sqlite
else
    log "dbmate is missing ($DBMATE): no timeline-dbmate-managed.png (scripts/test.sh installs it)"
fi

# The views as the GUI tests draw them on the real widgets (tests/gui/Screenshots.h): each picture in the light
# and the dark theme, on a 1024x700 and a 1600x1000 screen, as NAME-light-1024x700.png ... NAME-dark-1600x1000.png.
# The X screen is the large one, so the windows open at their large size; the tests fit them to each screen.
# Some tests run on PostgreSQL: a throwaway server is started for them.
PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/strata-shots-pg.XXXXXX")
trap 'bash tests/support/pg-test-server.sh stop "$PG_DIR" || true; rm -rf "$HOME_DIR"' EXIT
bash tests/support/pg-test-server.sh start "$PG_DIR" >/dev/null
# shellcheck disable=SC1091
source "$PG_DIR/env"
export STRATA_TEST_PG_URL PGPASSWORD
gui_shots() { # gui_shots SCREEN TEST [SLOT...]: the test's pictures, run under an X screen of SCREEN
    local screen=$1 test=$2
    shift 2
    STRATA_SCREENSHOT_DIR=$OUT QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 ${screen}x24" \
        "$BUILD_DIR/bin/$test" "$@" >/dev/null || { failed+=("$test"); return 0; }
    log "wrote the pictures of $test"
}
failed=()
# The wizard's pages on the demo (a whole run, then a failing step and its one-click restore): wizard-N-*;
# the restore confirmation: restore-dialog; a long step running and stopped: wizard-4-apply-long-step-running,
# wizard-4-apply-stopped-now, and the close question while it runs: close-asks-about-running-jobs.
gui_shots 1600x1000 tst_migration_wizard theWholeRunbookOnTheDemoInSixClicks aFailingStepEndsWithTheRestoreByClicking
gui_shots 1600x1000 tst_main_window backupFromTheMenuAndRestoreFromTheList
gui_shots 1600x1000 tst_long_jobs
# The close question naming the exact count it stops (close-asks-about-the-count), and offering to stop a
# running migration step now (close-offers-to-stop-the-step-now).
gui_shots 1600x1000 tst_close_stops_jobs closingDuringACountOfABigSqliteTableAsksAndStopsIt
gui_shots 1600x1000 tst_close_stops_step closingDuringASqliteStepOffersToStopItNow
# The welcome page, the user guide and the main window: welcome, user-guide, main-window. The window while the
# wizard holds the lock, after it stopped, and after a restore: window-lock-held-by-wizard,
# window-after-wizard-stopped, window-restored-message.
gui_shots 1600x1000 tst_welcome_help
gui_shots 1600x1000 tst_window_state
# The plan page with the review's findings (a block on PostgreSQL) and with a rehearsal's timings, Migrations >
# Plan… with the review, and the pre-flight's blocking tree (a real idle transaction holding orders): review-plan,
# review-plan-dialog, rehearsal-plan, rehearsal-plan-postgresql, preflight-blockers.
gui_shots 1600x1000 tst_wizard_review
# The password prompt of a reopened PostgreSQL database: password-prompt. The Connect dialog with a connection
# error: connect-dialog-error (on the smallest supported screen, where the test checks that it fits).
gui_shots 1600x1000 tst_reconnect
# The restore's confirmation on the demo (no hooks: no daemon) and with hooks that stop and start the daemon, a
# dirty step's Mark applied… and an interrupted run's Acknowledge…: restore-confirmation-demo,
# restore-confirmation-hooks, resolve-confirmation, acknowledge-confirmation.
gui_shots 1600x1000 tst_operator_text theRestoreConfirmationNamesTheDaemonOnlyWithHooks \
    confirmationsAndTooltipsNeverNameTheCommandLine
gui_shots 1024x700 tst_connect_dialog
# The Schema tab: table-page, the data grid (data-grid-page), the index map (index-map, index-map-sqlite), the
# index advice and its new step (index-advice-*, index-advice-new-step-*, index-map-postgresql-fresh), the ER
# diagram (er-diagram, er-diagram-postgresql) and the drift page (drift).
for test in tst_schema_browser tst_data_grid tst_index_map tst_index_advice_truth tst_er_diagram tst_drift_page; do
    gui_shots 1600x1000 "$test"
done
# The Strategies tab: the lineage (strategy-lineage, strategy-lineage-problems), the tearsheet and the comparison
# (tearsheet, comparison); as the window opens them on the demo: strategy-lineage-opened, er-diagram-opened,
# tearsheet-window, comparison-window (and their PNG exports), the timeline naming the bundled set
# (timeline-set-name) and Migrations > Plan…'s options (plan-options).
for test in tst_lineage_view tst_tearsheet tst_readable_views; do
    gui_shots 1600x1000 "$test"
done
# The Console: the SQL editor with results (console-editor), write mode on a production database and its
# question (console-production-write-mode, console-write-confirmation), a plan opened from the editor
# (console-plan), the plan tree itself (explain-plan-sqlite, explain-plan-postgresql, explain-plan-folded) and its
# advice on the table's index map (explain-advice-in-index-map), the export dialog (export-dialog-*), the Sessions
# tab's blocking tree and SQLite's WAL (sessions-blocking-tree, sessions-sqlite-wal) and a table's Health tab
# (table-health-postgresql, table-health-sqlite).
gui_shots 1600x1000 tst_console_editor runShowsRowsAndStatus productionWriteAsksWithTheRowCount
gui_shots 1600x1000 tst_console_window aPlanNodeOpensItsTablesIndexMap
gui_shots 1600x1000 tst_explain_panel drawsThePlanWithAdviceAndLinks foldsAHugePlan planNodeOpensTheIndexMap
gui_shots 1600x1000 tst_export_dialog exportAndCopyFromTheDataTab
gui_shots 1600x1000 tst_sessions_page
# Strategy analytics: the tearsheet against its benchmark with the backtest/live split, the metric table and a
# benchmark that cannot be read (tearsheet-analytics-*), the family window and the lineage's edge figures
# (family-window-*, lineage-edge-figures-*), and the HTML report as headless Chromium draws it (report-chromium).
gui_shots 1600x1000 tst_tearsheet_analytics
gui_shots 1600x1000 tst_family_view
gui_shots 1600x1000 tst_report
# The views whose colours tst_themes measures in both themes: the ER diagram and the lineage fitted whole
# (er-diagram-fit, strategy-lineage-fit), an index map (index-map-sqlite-orders), the timeline and the plan on the
# demo (timeline-demo, plan-demo) and the wizard as it opens (wizard-opened).
gui_shots 1600x1000 tst_themes
# The data grid on a 10-million-row SQLite table, from its benchmark (the table is generated once into
# /tmp/strata-bench/).
STRATA_SCREENSHOT_DIR=$OUT QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" \
    "$BUILD_DIR/bin/data_grid_bench" 10000000 sqlite >/dev/null
log "wrote data-grid.png to $OUT"
if ((${#failed[@]})); then
    echo "These tests failed, their pictures may be missing or old: ${failed[*]}" >&2
    exit 1
fi

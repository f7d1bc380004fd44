// Alembic projects read without running Python, as Alembic 1.8.1 reads them (docs/migration-sets.md,
// "Alembic"): each form of the revision variables its templates and people write, the revision graph, and
// each bad project refused with the file named. The projects are tests/compat/alembic/; the real Alembic
// agrees with each of them (see its README).

#include <QtTest>

#include "migrations/MigrationSetLoader.h"
#include "tools/alembic/AlembicConfig.h"
#include "tools/alembic/AlembicGraph.h"
#include "tools/alembic/AlembicHeads.h"
#include "tools/alembic/AlembicProject.h"
#include "tools/alembic/AlembicRevisionFile.h"
#include "tools/alembic/AlembicSteps.h"

using namespace strata;

namespace {

QString compat(const QString& name)
{
    return QStringLiteral(STRATA_SOURCE_DIR "/tests/compat/alembic/") + name;
}

QString errorText(const Error& e)
{
    return e.toText();
}

template <typename T> QString errorOf(const Result<T>& r)
{
    return r.ok() ? QString() : errorText(r.error());
}

AlembicRevision rev(const QString& id, const QStringList& down, const QStringList& labels = {},
                    const QStringList& depends = {})
{
    AlembicRevision r;
    r.revision = id;
    r.downRevisions = down;
    r.branchLabels = labels;
    r.dependsOn = depends;
    r.path = QStringLiteral("versions/%1_x.py").arg(id);
    return r;
}

} // namespace

class TestAlembicRevisions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void alembic18TemplateIsRead()
    {
        const QByteArray file =
            "\"\"\"create accounts\n\nRevision ID: ae1027a6acf\nRevises: \nCreate Date: "
            "2024-03-04\n\n\"\"\"\nfrom alembic import op\nimport sqlalchemy as sa\n\n\n# "
            "revision identifiers, used by Alembic.\nrevision = 'ae1027a6acf'\n"
            "down_revision = None\nbranch_labels = None\ndepends_on = None\n\n\ndef "
            "upgrade() -> None:\n    op.create_table('accounts', sa.Column('id', "
            "sa.Integer))\n\n\ndef downgrade() -> None:\n    op.drop_table('accounts')\n";
        auto r = AlembicRevisionFile::parse(file, QStringLiteral("versions/ae1027a6acf_create_accounts.py"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(r->revision, QStringLiteral("ae1027a6acf"));
        QVERIFY(r->isBase());
        QVERIFY(r->branchLabels.isEmpty());
        QVERIFY(r->dependsOn.isEmpty());
        QCOMPARE(r->message, QStringLiteral("create accounts"));
        QCOMPARE(r->title(), QStringLiteral("create accounts"));
        QCOMPARE(r->slug(), QStringLiteral("create_accounts"));
        QVERIFY(!r->upgradeIsEmpty);
        QVERIFY(r->hasDowngrade);
        QVERIFY(!r->downgradeIsEmpty);
    }

    void typedTemplateIsRead()
    {
        const QByteArray file =
            "\"\"\"create orders\"\"\"\nfrom typing import Sequence, Union\n\nrevision: str = \"2b3c\"\n"
            "down_revision: Union[str, Sequence[str], None] = \"1a2b\"\nbranch_labels: Union[str, "
            "Sequence[str], None] = None\ndepends_on: Union[str, Sequence[str], None] = None\n";
        auto r = AlembicRevisionFile::parse(file, QStringLiteral("versions/2b3c_create_orders.py"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(r->revision, QStringLiteral("2b3c"));
        QCOMPARE(r->downRevisions, QStringList{QStringLiteral("1a2b")});
        QCOMPARE(r->message, QStringLiteral("create orders"));
        QVERIFY(r->upgradeIsEmpty); // no upgrade() at all
        QVERIFY(!r->hasDowngrade);
    }

    void mergeTuplesListsAndBareTuplesAreMerges_data()
    {
        QTest::addColumn<QByteArray>("downRevision");
        QTest::newRow("tuple") << QByteArray("('aaa', 'bbb')");
        QTest::newRow("tuple, double quotes, trailing comma") << QByteArray("(\"aaa\", \"bbb\",)");
        QTest::newRow("list") << QByteArray("['aaa', 'bbb']");
        QTest::newRow("bare tuple") << QByteArray("'aaa', 'bbb'");
        QTest::newRow("over lines with comments")
            << QByteArray("(\n    'aaa',  # fills\n    'bbb',  # risk\n)");
    }

    void mergeTuplesListsAndBareTuplesAreMerges()
    {
        QFETCH(QByteArray, downRevision);
        const QByteArray file = "revision = 'ccc'\ndown_revision = " + downRevision + "\n";
        auto r = AlembicRevisionFile::parse(file, QStringLiteral("versions/ccc_merge.py"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(r->downRevisions, (QStringList{QStringLiteral("aaa"), QStringLiteral("bbb")}));
        QVERIFY(r->isMerge());
    }

    void emptyValuesMeanABase_data()
    {
        QTest::addColumn<QByteArray>("downRevision");
        QTest::newRow("None") << QByteArray("None");
        QTest::newRow("empty tuple") << QByteArray("()");
        QTest::newRow("empty string") << QByteArray("''");
        QTest::newRow("annotated None") << QByteArray("None  # first");
    }

    void emptyValuesMeanABase()
    {
        QFETCH(QByteArray, downRevision);
        auto r = AlembicRevisionFile::parse("revision = \"a1\"\ndown_revision = " + downRevision + "\n",
                                            QStringLiteral("versions/a1.py"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QVERIFY(r->isBase());
    }

    void labelsDependsAndTheLastAssignmentWin()
    {
        const QByteArray file = "# -*- coding: utf-8 -*-\n'''risk branch\n\nlonger text'''\n"
                                "revision = 'r0'\nrevision = 'r1'; down_revision = ('p',)\n"
                                "branch_labels = ('risk',)\ndepends_on = 'other_branch'\n"
                                "if False:\n    revision = 'not-top-level'\n"
                                "def audit_fills():\n    revision = 'inside'\n"
                                "x = {'revision': 'zz'}\n";
        auto r = AlembicRevisionFile::parse(file, QStringLiteral("versions/r1.py"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(r->revision, QStringLiteral("r1"));
        QCOMPARE(r->downRevisions, QStringList{QStringLiteral("p")});
        QCOMPARE(r->branchLabels, QStringList{QStringLiteral("risk")});
        QCOMPARE(r->dependsOn, QStringList{QStringLiteral("other_branch")});
        QCOMPARE(r->message, QStringLiteral("risk branch"));
    }

    void stringsInsideDocstringsAndCallsAreNotAssignments()
    {
        const QByteArray file = "\"\"\"doc\nrevision = 'fake'\n\"\"\"\nrevision = r'abc'\n"
                                "down_revision = None\n"
                                "def upgrade():\n    op.execute(\"\"\"\nrevision = 'sql'\n\"\"\")\n"
                                "def downgrade():\n    pass\n";
        auto r = AlembicRevisionFile::parse(file, QStringLiteral("versions/abc.py"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(r->revision, QStringLiteral("abc"));
        QVERIFY(!r->upgradeIsEmpty);
        QVERIFY(r->hasDowngrade);
        QVERIFY(r->downgradeIsEmpty);
    }

    void aMergeRevisionDoesNothing()
    {
        auto r = AlembicRevisionFile::parse("revision = 'm'\ndown_revision = ('a', 'b')\n\ndef upgrade() -> "
                                            "None:\n    pass\n\n\ndef downgrade() -> None:\n    pass\n",
                                            QStringLiteral("versions/m.py"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QVERIFY(r->upgradeIsEmpty);
        QVERIFY(r->downgradeIsEmpty);
    }

    void legacyFilesTakeTheirIdFromTheFileName()
    {
        // Alembic 0.1: no `revision` variable, the file is named <hex id>.py (script/base.py, _legacy_rev).
        auto r = AlembicRevisionFile::parse("down_revision = None\n", QStringLiteral("versions/4fe3a2.py"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(r->revision, QStringLiteral("4fe3a2"));
    }

    void everyTruncationOfARevisionFileIsReadOrRefusedNeverCrashes()
    {
        QFile file(compat(QStringLiteral("linear/migrations/versions/3c4d5e6f7081_add_order_notes.py")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray whole = file.readAll();
        int read = 0;
        int refused = 0;
        for (qsizetype n = 0; n <= whole.size(); ++n) {
            auto r = AlembicRevisionFile::parse(whole.left(n), QStringLiteral("versions/x.py"));
            if (r.ok())
                ++read;
            else
                ++refused;
            if (!r.ok())
                QVERIFY2(r.error().what.contains(QStringLiteral("versions/x.py")),
                         qPrintable(r.error().toText()));
        }
        QVERIFY(read > 0);
        QVERIFY(refused > 0);
        auto full = AlembicRevisionFile::parse(whole, QStringLiteral("versions/x.py"));
        QVERIFY(full.ok());
        QCOMPARE(full->revision, QStringLiteral("3c4d5e6f7081"));
    }

    void deepNestingIsNotReadAsARevision()
    {
        const QByteArray deep =
            "revision = 'a'\ndown_revision = " + QByteArray(5000, '(') + "'b'" + QByteArray(5000, ')') + "\n";
        auto r = AlembicRevisionFile::parse(deep, QStringLiteral("versions/a.py"));
        QVERIFY(!r.ok()); // refused as not a literal Strata reads, never a crash
        QVERIFY2(r.error().what.contains(QStringLiteral("down_revision")), qPrintable(r.error().toText()));
        auto shallow =
            AlembicRevisionFile::parse("revision = 'a'\ndown_revision = ((('b')))\n", "versions/a.py");
        QVERIFY(shallow.ok());
        QCOMPARE(shallow->downRevisions, QStringList{QStringLiteral("b")});
    }

    void windowsLineEndsAndSetsAreReadAsPythonReadsThem()
    {
        auto r = AlembicRevisionFile::parse(
            "\"\"\"add fills\r\n\r\nRevision ID: f1\r\n\"\"\"\r\nrevision = 'f1'\r\n"
            "down_revision = 'e0'\r\nbranch_labels = {'fills'}\r\n",
            QStringLiteral("versions/f1.py"));
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
        QCOMPARE(r->message, QStringLiteral("add fills"));
        QCOMPARE(r->branchLabels, QStringList{QStringLiteral("fills")});
        auto dict =
            AlembicRevisionFile::parse("revision = 'f1'\ndown_revision = {'e0': 'x'}\n", "versions/f1.py");
        QVERIFY(!dict.ok());
    }

    void whichFilesAlembicLoads()
    {
        QVERIFY(AlembicRevisionFile::isRevisionFileName(QStringLiteral("ae10_x.py")));
        QVERIFY(AlembicRevisionFile::isRevisionFileName(QStringLiteral("_private.py")));
        QVERIFY(!AlembicRevisionFile::isRevisionFileName(QStringLiteral("__init__.py")));
        QVERIFY(!AlembicRevisionFile::isRevisionFileName(QStringLiteral(".#ae10_x.py")));
        QVERIFY(!AlembicRevisionFile::isRevisionFileName(QStringLiteral("ae10_x.pyc")));
        QVERIFY(!AlembicRevisionFile::isRevisionFileName(QStringLiteral("README")));
    }

    void badRevisionFilesNameTheFile_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("says");
        QTest::newRow("no revision") << QByteArray("down_revision = None\n")
                                     << QStringLiteral("no `revision`");
        QTest::newRow("no down_revision")
            << QByteArray("revision = 'a'\n") << QStringLiteral("no `down_revision`");
        QTest::newRow("computed revision")
            << QByteArray("revision = make_id()\ndown_revision = None\n") << QStringLiteral("make_id()");
        QTest::newRow("revision None")
            << QByteArray("revision = None\ndown_revision = None\n") << QStringLiteral("non-empty string");
        QTest::newRow("illegal character")
            << QByteArray("revision = 'a-b'\ndown_revision = None\n") << QStringLiteral("'a-b'");
        QTest::newRow("names itself")
            << QByteArray("revision = 'a'\ndown_revision = 'a'\n") << QStringLiteral("cycle");
        QTest::newRow("unclosed string")
            << QByteArray("revision = 'a\ndown_revision = None\n") << QStringLiteral("line 1");
        QTest::newRow("unclosed bracket")
            << QByteArray("revision = 'a'\ndown_revision = ('b',\n") << QStringLiteral("line 2");
        QTest::newRow("stray bracket") << QByteArray("revision = 'a'\n)\n") << QStringLiteral("line 2");
        QTest::newRow("not UTF-8") << QByteArray("\"\"\"d\xe9p\xf4t\"\"\"\nrevision = 'a'\n")
                                   << QStringLiteral("not UTF-8");
    }

    void badRevisionFilesNameTheFile()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, says);
        auto r = AlembicRevisionFile::parse(file, QStringLiteral("versions/0042_bad.py"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ExitCode::BadInput);
        const QString text = errorText(r.error());
        QVERIFY2(text.contains(QStringLiteral("versions/0042_bad.py")), qPrintable(text));
        QVERIFY2(text.contains(says), qPrintable(text));
        QVERIFY2(!r.error().next.isEmpty(), qPrintable(text));
    }

    void theGraphOfAMerge()
    {
        auto g = AlembicGraph::build(
            {rev("e", {"d"}), rev("a", {}), rev("b", {"a"}), rev("c", {"a"}), rev("d", {"b", "c"})});
        QVERIFY2(g.ok(), qPrintable(errorOf(g)));
        QCOMPARE(g->order(), (QStringList{"a", "b", "c", "d", "e"}));
        QCOMPARE(g->bases(), QStringList{"a"});
        QCOMPARE(g->heads(), QStringList{"e"});
        QCOMPARE(g->merges(), QStringList{"d"});
        QCOMPARE(g->branchPoints(), QStringList{"a"});
        QCOMPARE(g->children(QStringLiteral("a")), (QStringList{"b", "c"}));
        QCOMPARE(g->generation(QStringLiteral("d")), 3);
        QVERIFY(g->conflictingHeads().isEmpty());
        // alembic_version holds "b" and "c" (both branches applied, not merged yet): a, b and c are applied.
        QCOMPARE(g->ancestors({"b", "c"}), (QSet<QString>{"a", "b", "c"}));
        QCOMPARE(g->ancestors({"e"}).size(), 5);
        QCOMPARE(g->unknown({"e", "zz"}), QStringList{"zz"});
    }

    void twoUnlabelledHeadsConflictAndLabelledBranchesDoNot()
    {
        auto g = AlembicGraph::build({rev("1", {}), rev("2", {"1"}), rev("3p", {"2"}), rev("3s", {"2"})});
        QVERIFY2(g.ok(), qPrintable(errorOf(g)));
        QCOMPARE(g->heads(), (QStringList{"3p", "3s"}));
        QCOMPARE(g->conflictingHeads(), (QList<QStringList>{{"3p", "3s"}}));

        auto labelled = AlembicGraph::build(
            {rev("a", {}, {"core"}), rev("b", {"a"}), rev("x", {}, {"reports"}), rev("y", {"x"}, {}, {"a"})});
        QVERIFY2(labelled.ok(), qPrintable(errorOf(labelled)));
        QCOMPARE(labelled->heads(), (QStringList{"b", "y"}));
        QVERIFY(labelled->conflictingHeads().isEmpty());
        QCOMPARE(labelled->requirements(QStringLiteral("y")), (QStringList{"x", "a"}));
        QCOMPARE(labelled->ancestors({"y"}), (QSet<QString>{"x", "y", "a"}));
    }

    void dependsOnMayNameABranchLabel()
    {
        auto g = AlembicGraph::build({rev("a", {}, {"core"}), rev("x", {}), rev("y", {"x"}, {}, {"core"})});
        QVERIFY2(g.ok(), qPrintable(errorOf(g)));
        QCOMPARE(g->requirements(QStringLiteral("y")), (QStringList{"x", "a"}));
        QCOMPARE(g->order(), (QStringList{"a", "x", "y"}));
    }

    void generationsDoNotChangeWhenARevisionIsAppendedAtTheHead()
    {
        QList<AlembicRevision> revisions{rev("f0", {}), rev("a9", {"f0"}), rev("b1", {"f0"}),
                                         rev("c2", {"a9", "b1"})};
        auto before = AlembicGraph::build(revisions);
        QVERIFY(before.ok());
        revisions << rev("00", {"c2"}); // an id that sorts first
        auto after = AlembicGraph::build(revisions);
        QVERIFY(after.ok());
        QCOMPARE(after->order().mid(0, before->size()), before->order());
        for (const QString& id : before->order())
            QCOMPARE(after->generation(id), before->generation(id));
        QCOMPARE(after->order().last(), QStringLiteral("00"));
    }

    void theLoaderReadsAnAlembicProjectAsSteps()
    {
        auto set = MigrationSetLoader::load(compat(QStringLiteral("merge")));
        QVERIFY2(set.ok(), qPrintable(errorOf(set)));
        QVERIFY(AlembicSteps::isAlembic(*set));
        QStringList slots;
        QStringList ids;
        for (const MigrationStep& s : set->steps) {
            QCOMPARE(s.layout, QStringLiteral("alembic"));
            QVERIFY(s.forwardSql.isEmpty()); // never run as SQL
            QCOMPARE(s.checksum.size(), 64);
            slots << s.slot();
            ids << s.toolVersion;
        }
        QCOMPARE(slots, (QStringList{"1.1", "2.1", "2.2", "3.1", "4.1"}));
        QCOMPARE(ids, (QStringList{"a1000000base", "b2000000fill", "c3000000risk", "d4000000merg",
                                   "e5000000posn"}));
        const MigrationStep& merge = set->steps.at(3);
        QCOMPARE(merge.name, QStringLiteral("merge fills and risk"));
        QCOMPARE(merge.forwardPath,
                 QStringLiteral("migrations/versions/d4000000merg_merge_fills_and_risk.py"));
        QVERIFY(merge.noOp);          // upgrade() is `pass`
        QVERIFY(merge.hasRollback()); // and so is downgrade(): Alembic steps back over it
        QVERIFY(!set->steps.at(0).noOp);
        QVERIFY(set->steps.at(0).hasRollback());
        QVERIFY(AlembicHeads::problems(*set).isEmpty());

        auto linear = MigrationSetLoader::load(compat(QStringLiteral("linear")));
        QVERIFY2(linear.ok(), qPrintable(errorOf(linear)));
        QCOMPARE(linear->steps.size(), 3);
        // versions/__init__.py and a README are skipped by Alembic, and listed as ignored by Strata.
        QStringList ignored;
        for (const IgnoredFile& f : linear->ignored)
            ignored << f.path;
        QCOMPARE(ignored, (QStringList{"migrations/versions/README", "migrations/versions/__init__.py"}));
        QCOMPARE(linear->steps.at(2).name, QStringLiteral("add order notes"));
    }

    void twoHeadsAreOneProblemNamingBothFiles()
    {
        auto set = MigrationSetLoader::load(compat(QStringLiteral("two-heads")));
        QVERIFY2(set.ok(), qPrintable(errorOf(set)));
        const auto problems = AlembicHeads::problems(*set);
        QCOMPARE(problems.size(), 1);
        const Problem& p = problems.first();
        QCOMPARE(p.kindName(), QStringLiteral("multiple-heads"));
        QCOMPARE(p.files, (QStringList{"migrations/versions/003_portfolio_analytics.py",
                                       "migrations/versions/003_strategy_execution.py"}));
        QVERIFY2(p.message.contains(QStringLiteral("revise 002")), qPrintable(p.message));
        QVERIFY2(p.resolution.contains(QStringLiteral("alembic merge heads -m")), qPrintable(p.resolution));
        // The two heads are one generation: slots 3.1 and 3.2, both named.
        QCOMPARE(set->steps.at(2).slot(), QStringLiteral("3.1"));
        QCOMPARE(set->steps.at(3).slot(), QStringLiteral("3.2"));
    }

    void badProjectsAreRefusedByTheLoader()
    {
        auto set = MigrationSetLoader::load(compat(QStringLiteral("bad/cycle")));
        QVERIFY(!set.ok());
        QCOMPARE(set.error().code, ExitCode::BadInput);
    }

    void badGraphsNameTheFiles_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<QStringList>("says");
        QTest::newRow("duplicate revision")
            << QStringLiteral("bad/duplicate-revision")
            << QStringList{"versions/002_orders.py", "versions/002_orders_copy.py", "revision 002"};
        QTest::newRow("cycle") << QStringLiteral("bad/cycle")
                               << QStringList{"cycle", "versions/002_orders.py", "versions/003_fills.py"};
        QTest::newRow("missing down revision")
            << QStringLiteral("bad/missing-down-revision") << QStringList{"versions/003_fills.py", "'002'"};
        QTest::newRow("not UTF-8") << QStringLiteral("bad/not-utf8")
                                   << QStringList{"versions/002_comptes.py", "not UTF-8"};
        QTest::newRow("no revision") << QStringLiteral("bad/no-revision")
                                     << QStringList{"versions/002_orders.py", "no `revision`"};
        QTest::newRow("unclosed string")
            << QStringLiteral("bad/unclosed-string") << QStringList{"versions/002_orders.py", "line 14"};
    }

    void badGraphsNameTheFiles()
    {
        QFETCH(QString, project);
        QFETCH(QStringList, says);
        QVERIFY(AlembicProject::recognises(compat(project)));
        auto p = AlembicProject::load(compat(project));
        QVERIFY(!p.ok());
        QCOMPARE(p.error().code, ExitCode::BadInput);
        const QString text = errorText(p.error());
        for (const QString& s : says)
            QVERIFY2(text.contains(s), qPrintable(text));
    }

    void theCompatProjectsLoad()
    {
        auto linear = AlembicProject::load(compat(QStringLiteral("linear")));
        QVERIFY2(linear.ok(), qPrintable(errorOf(linear)));
        QVERIFY(linear->iniPath.endsWith(QStringLiteral("linear/alembic.ini")));
        QVERIFY(linear->scriptLocation.endsWith(QStringLiteral("linear/migrations")));
        QCOMPARE(linear->graph.order(), (QStringList{"1a2b3c4d5e6f", "2b3c4d5e6f70", "3c4d5e6f7081"}));
        QCOMPARE(linear->graph.revision(QStringLiteral("3c4d5e6f7081"))->path,
                 QStringLiteral("migrations/versions/3c4d5e6f7081_add_order_notes.py"));
        QCOMPARE(linear->graph.revision(QStringLiteral("3c4d5e6f7081"))->message,
                 QStringLiteral("add order notes"));
        QCOMPARE(linear->graph.revision(QStringLiteral("2b3c4d5e6f70"))->downRevisions,
                 QStringList{QStringLiteral("1a2b3c4d5e6f")});

        auto merge = AlembicProject::load(compat(QStringLiteral("merge")));
        QVERIFY2(merge.ok(), qPrintable(errorOf(merge)));
        QCOMPARE(merge->graph.merges(), QStringList{QStringLiteral("d4000000merg")});
        QCOMPARE(merge->graph.heads(), QStringList{QStringLiteral("e5000000posn")});

        auto twoHeads = AlembicProject::load(compat(QStringLiteral("two-heads")));
        QVERIFY2(twoHeads.ok(), qPrintable(errorOf(twoHeads)));
        QCOMPARE(twoHeads->graph.heads(), (QStringList{"003_portfolio", "003_strategy"}));
        QCOMPARE(twoHeads->graph.conflictingHeads().size(), 1);

        // Separately labelled branches, one depending on the other's label: two heads Alembic means to have.
        auto labelled = AlembicProject::load(compat(QStringLiteral("labelled-branches")));
        QVERIFY2(labelled.ok(), qPrintable(errorOf(labelled)));
        QCOMPARE(labelled->graph.heads(), (QStringList{"c0re00000002", "rep000000002"}));
        QVERIFY(labelled->graph.conflictingHeads().isEmpty());
        QCOMPARE(labelled->graph.requirements(QStringLiteral("rep000000002")),
                 (QStringList{"rep000000001", "c0re00000001"}));
    }

    void theScriptFolderItselfIsAProject()
    {
        auto p = AlembicProject::load(compat(QStringLiteral("merge/migrations")));
        QVERIFY2(p.ok(), qPrintable(errorOf(p)));
        QVERIFY(p->iniPath.isEmpty());
        QCOMPARE(p->graph.size(), 5);
        QCOMPARE(p->graph.revision(QStringLiteral("a1000000base"))->path,
                 QStringLiteral("versions/a1000000base_create_instruments.py"));
        QVERIFY(!AlembicProject::recognises(compat(QStringLiteral("merge/migrations/versions"))));
    }

    void versionLocationsAndTheirSeparator()
    {
        QTemporaryDir dir;
        QFile ini(dir.filePath(QStringLiteral("alembic.ini")));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write(
            "[alembic]\nscript_location = %(here)s/migrations\nversion_locations = %(here)s/a:%(here)s/b\n"
            "version_path_separator = os\n");
        ini.close();
        auto config = AlembicConfig::load(ini.fileName());
        QVERIFY2(config.ok(), qPrintable(errorOf(config)));
        QCOMPARE(config->scriptLocation(), dir.filePath(QStringLiteral("migrations")));
        auto locations = config->versionLocations();
        QVERIFY(locations.ok());
        QCOMPARE(*locations,
                 (QStringList{dir.filePath(QStringLiteral("a")), dir.filePath(QStringLiteral("b"))}));

        QVERIFY(ini.open(QIODevice::WriteOnly | QIODevice::Truncate));
        ini.write("[alembic]\nscript_location = migrations\nversion_locations = a b\n"
                  "version_path_separator = os  # a comment Alembic reads as part of the value\n");
        ini.close();
        auto commented = AlembicConfig::load(ini.fileName());
        QVERIFY(commented.ok());
        auto refused = commented->versionLocations();
        QVERIFY(!refused.ok());
        QVERIFY2(errorText(refused.error()).contains(QStringLiteral("version_path_separator")),
                 qPrintable(errorText(refused.error())));
    }
};

QTEST_GUILESS_MAIN(TestAlembicRevisions)
#include "tst_alembic_revisions.moc"

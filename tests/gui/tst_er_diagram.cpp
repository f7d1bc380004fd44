#include <QApplication>
#include <QDir>
#include <QFile>
#include <QGraphicsSceneMouseEvent>
#include <QImage>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include "MigrationHarness.h"
#include "ScratchDatabases.h"
#include "Screenshots.h"
#include "demo/RiskStateDemo.h"
#include "diagram/DiagramExport.h"
#include "diagram/ErDiagramPage.h"
#include "diagram/ErDiagramScene.h"
#include "diagram/ErDiagramView.h"
#include "diagram/RelationItem.h"
#include "diagram/TableBoxItem.h"
#include "schema/SchemaReader.h"

using namespace strata;
using namespace strata::test;

namespace {

ColumnInfo column(const QString& name, const QString& type, int primaryKeyPosition = 0)
{
    ColumnInfo c;
    c.name = name;
    c.type = type;
    c.primaryKeyPosition = primaryKeyPosition;
    c.notNull = primaryKeyPosition > 0;
    return c;
}

ForeignKeyInfo foreignKey(const QString& name, const QString& columnName, const QString& parent,
                          const QString& parentColumn)
{
    ForeignKeyInfo fk;
    fk.name = name;
    fk.columns = {columnName};
    fk.referencedSchema = QStringLiteral("main");
    fk.referencedTable = parent;
    fk.referencedColumns = {parentColumn};
    return fk;
}

/// Seed 000's strategy tables in miniature, with a self-reference and a table no key touches.
SchemaSnapshot handBuiltSnapshot()
{
    SchemaSnapshot snapshot;
    snapshot.schemas = {QStringLiteral("main")};
    TableInfo registry;
    registry.schema = QStringLiteral("main");
    registry.name = QStringLiteral("strategy_registry");
    registry.columns = {column(QStringLiteral("id"), QStringLiteral("INTEGER"), 1),
                        column(QStringLiteral("strategy_id"), QStringLiteral("TEXT")),
                        column(QStringLiteral("name"), QStringLiteral("TEXT")),
                        column(QStringLiteral("parent_id"), QStringLiteral("TEXT"))};
    registry.foreignKeys = {foreignKey(QStringLiteral("fk_strategy_registry_parent"),
                                       QStringLiteral("parent_id"), QStringLiteral("strategy_registry"),
                                       QStringLiteral("strategy_id"))};
    TableInfo versions;
    versions.schema = QStringLiteral("main");
    versions.name = QStringLiteral("strategy_versions");
    versions.columns = {column(QStringLiteral("id"), QStringLiteral("INTEGER"), 1),
                        column(QStringLiteral("strategy_id"), QStringLiteral("TEXT")),
                        column(QStringLiteral("version"), QStringLiteral("TEXT"))};
    versions.foreignKeys = {foreignKey(QStringLiteral("fk_strategy_versions_strategy"),
                                       QStringLiteral("strategy_id"), QStringLiteral("strategy_registry"),
                                       QStringLiteral("strategy_id"))};
    TableInfo lineage;
    lineage.schema = QStringLiteral("main");
    lineage.name = QStringLiteral("strategy_lineage");
    lineage.columns = {column(QStringLiteral("id"), QStringLiteral("INTEGER"), 1),
                       column(QStringLiteral("ancestor_id"), QStringLiteral("TEXT")),
                       column(QStringLiteral("descendant_id"), QStringLiteral("TEXT")),
                       column(QStringLiteral("relationship_type"), QStringLiteral("TEXT"))};
    lineage.foreignKeys = {
        foreignKey(QStringLiteral("fk_strategy_lineage_ancestor"), QStringLiteral("ancestor_id"),
                   QStringLiteral("strategy_registry"), QStringLiteral("strategy_id")),
        foreignKey(QStringLiteral("fk_strategy_lineage_descendant"), QStringLiteral("descendant_id"),
                   QStringLiteral("strategy_registry"), QStringLiteral("strategy_id"))};
    TableInfo positions;
    positions.schema = QStringLiteral("main");
    positions.name = QStringLiteral("positions");
    positions.columns = {column(QStringLiteral("symbol"), QStringLiteral("TEXT"), 1),
                         column(QStringLiteral("quantity"), QStringLiteral("REAL"))};
    snapshot.tables = {lineage, positions, registry, versions};
    return snapshot;
}

bool waitForLayout(ErDiagramScene& scene)
{
    if (!scene.isLayingOut())
        return true;
    QSignalSpy done(&scene, &ErDiagramScene::laidOut);
    return done.wait(60000);
}

double distance(QPointF point, const QRectF& rect)
{
    const double dx = std::max({rect.left() - point.x(), 0.0, point.x() - rect.right()});
    const double dy = std::max({rect.top() - point.y(), 0.0, point.y() - rect.bottom()});
    return std::hypot(dx, dy);
}

/// Every line's arrow touches the referenced column's row, and its other end the referencing column's row.
void checkLinesMeetTheirRows(ErDiagramScene& scene)
{
    for (RelationItem* line : scene.relationItems()) {
        const ErRelation& relation = line->relation();
        TableBoxItem* parent = nullptr;
        TableBoxItem* child = nullptr;
        for (TableBoxItem* item : scene.tableItems()) {
            if (item->table().id() == relation.parent)
                parent = item;
            if (item->table().id() == relation.child)
                child = item;
        }
        QVERIFY(parent && child);
        const QRectF parentBox = parent->sceneBoundingRect().adjusted(3, 3, -3, -3);
        QVERIFY2(distance(line->arrowTip(), parentBox) < 2, qPrintable(relation.label));
        QVERIFY2(std::abs(line->arrowTip().y() - parent->rowCentre(relation.referencedColumns.first()).y()) <
                     3,
                 qPrintable(relation.label));
        const QPointF end = line->path().pointAtPercent(1);
        QVERIFY2(std::abs(end.y() - child->rowCentre(relation.columns.first()).y()) < 3,
                 qPrintable(relation.label));
    }
}

/// The demo's risk-state database with seed 000's strategy tables added (their SQLite DDL, as migrated).
Status demoWithStrategyTables(const QString& path)
{
    if (Status made = RiskStateDemo::create(path); !made)
        return made;
    auto db = MigrationHarness::open(QStringLiteral("sqlite:") + path);
    if (!db)
        return db.error();
    auto set = MigrationHarness::load(QStringLiteral(STRATA_SOURCE_DIR "/migrations/strategy"));
    if (!set)
        return set.error();
    for (const QString& step :
         {QStringLiteral("01_tables.sqlite.sql"), QStringLiteral("02_indexes.sqlite.sql")}) {
        QFile file(QStringLiteral(STRATA_SOURCE_DIR "/migrations/strategy/001_strategy_management/") + step);
        if (!file.open(QIODevice::ReadOnly))
            return Error::failed(file.errorString(), {}, {});
        if (Status ran = (*db)->runScript({file.fileName(), file.readAll(), 1}, false); !ran)
            return ran;
    }
    return {};
}

Result<SchemaSnapshot> readSchema(const QString& url)
{
    auto db = MigrationHarness::open(url);
    if (!db)
        return db.error();
    return SchemaReader(**db).read();
}

} // namespace

class TestErDiagram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aHandBuiltSchemaIsDrawnWithEveryTableAndKey()
    {
        ErDiagramScene scene;
        QSignalSpy started(&scene, &ErDiagramScene::layoutStarted);
        scene.setSnapshot(handBuiltSnapshot());
        QCOMPARE(started.size(), 1);
        QVERIFY(scene.isLayingOut()); // the layout runs on a worker: the GUI thread is back at once
        QVERIFY(waitForLayout(scene));
        QCOMPARE(scene.tableItems().size(), 4);
        QVERIFY(scene.tableItem(QStringLiteral("main"), QStringLiteral("positions"))); // no keys, still drawn
        QCOMPARE(scene.relationItems().size(), 4);
        QCOMPARE(scene.summary(), QStringLiteral("4 tables, 4 foreign keys"));
        checkLinesMeetTheirRows(scene);
        // The self-reference goes from the registry's strategy_id to its own parent_id.
        int selfReferences = 0;
        for (RelationItem* line : scene.relationItems())
            selfReferences += line->relation().parent == line->relation().child;
        QCOMPARE(selfReferences, 1);
        // Boxes list their columns with the diagram's rows, and never overlap.
        const auto tables = scene.tableItems();
        for (TableBoxItem* item : tables) {
            QCOMPARE(item->table().height, 20.0 * (1 + item->table().columns.size()));
            for (TableBoxItem* other : tables)
                if (other != item)
                    QVERIFY(!item->sceneBoundingRect()
                                 .adjusted(4, 4, -4, -4)
                                 .intersects(other->sceneBoundingRect()));
        }
        const ErTable& registry =
            scene.tableItem(QStringLiteral("main"), QStringLiteral("strategy_registry"))->table();
        QVERIFY(registry.columns[0].primaryKey);
        QVERIFY(registry.columns[3].foreignKey);
        QVERIFY(!registry.columns[1].foreignKey);
    }

    void clickingATableAsksForItsPage()
    {
        ErDiagramPage page;
        page.resize(1100, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.setSnapshot(handBuiltSnapshot());
        QVERIFY(waitForLayout(*page.scene()));
        QSignalSpy activated(&page, &ErDiagramPage::tableActivated);
        TableBoxItem* versions =
            page.scene()->tableItem(QStringLiteral("main"), QStringLiteral("strategy_versions"));
        page.view()->centerOn(versions);
        const QPoint at = page.view()->mapFromScene(versions->sceneBoundingRect().center());
        QTest::mouseClick(page.view()->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(0).toString(), QStringLiteral("main"));
        QCOMPARE(activated.first().at(1).toString(), QStringLiteral("strategy_versions"));
        QVERIFY(versions->isSelected());
        // Its lines are drawn in the accent colour; the others are not.
        for (RelationItem* line : page.scene()->relationItems())
            QCOMPARE(line->isEmphasised(), line->relation().child == QLatin1String("main.strategy_versions"));

        // A click on the background selects nothing and asks for nothing.
        activated.clear();
        const QPoint empty = page.view()->mapFromScene(page.scene()->sceneRect().topLeft() + QPointF(4, 4));
        QTest::mouseClick(page.view()->viewport(), Qt::LeftButton, {}, empty);
        QVERIFY(activated.isEmpty());
    }

    void zoomChangesTheTransformAndFitShowsEverything()
    {
        ErDiagramPage page;
        page.resize(900, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.setSnapshot(handBuiltSnapshot());
        QVERIFY(waitForLayout(*page.scene()));
        ErDiagramView* view = page.view();
        view->resetZoom();
        QCOMPARE(view->transform().m11(), 1.0);
        QSignalSpy zoomed(view, &ErDiagramView::zoomChanged);
        view->zoomIn();
        QVERIFY(view->transform().m11() > 1.2);
        view->zoomOut();
        view->zoomOut();
        QVERIFY(view->transform().m11() < 0.9);
        QCOMPARE(zoomed.size(), 3);

        // Ctrl+wheel zooms; the wheel alone scrolls and leaves the zoom.
        const double before = view->zoom();
        const QPointF centre = view->viewport()->rect().center();
        QWheelEvent ctrlWheel(centre, view->viewport()->mapToGlobal(centre), {}, QPoint(0, 240), Qt::NoButton,
                              Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view->viewport(), &ctrlWheel);
        QVERIFY(view->zoom() > before * 1.5);
        const double zoomedIn = view->zoom();
        QWheelEvent plainWheel(centre, view->viewport()->mapToGlobal(centre), {}, QPoint(0, -120),
                               Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view->viewport(), &plainWheel);
        QCOMPARE(view->zoom(), zoomedIn);

        // Zoom is bounded, and Fit shows the whole diagram.
        for (int i = 0; i < 40; ++i)
            view->zoomIn();
        QCOMPARE(view->zoom(), ErDiagramView::maximumZoom);
        view->fitAll();
        const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
        QVERIFY(visible.adjusted(-2, -2, 2, 2).contains(page.scene()->itemsBoundingRect()));
        QVERIFY(view->zoom() <= 1.0);
    }

    void searchHighlightsTheMatchingTables()
    {
        ErDiagramPage page;
        page.resize(900, 600);
        page.show();
        page.setSnapshot(handBuiltSnapshot());
        QVERIFY(waitForLayout(*page.scene()));
        page.searchField()->setText(QStringLiteral("LINEAGE"));
        QVERIFY(page.scene()
                    ->tableItem(QStringLiteral("main"), QStringLiteral("strategy_lineage"))
                    ->isHighlighted());
        QVERIFY(
            !page.scene()->tableItem(QStringLiteral("main"), QStringLiteral("positions"))->isHighlighted());
        QCOMPARE(page.statusText(), QStringLiteral("1 table matches \"LINEAGE\"."));
        page.searchField()->setText(QStringLiteral("nothing-like-this"));
        QCOMPARE(page.statusText(), QStringLiteral("No table matches \"nothing-like-this\"."));
        page.searchField()->clear();
        for (TableBoxItem* item : page.scene()->tableItems())
            QVERIFY(!item->isHighlighted());
    }

    void exportWritesAPngOfTheRightSizeAndAnSvgWithTheTables()
    {
        ErDiagramPage page;
        page.setSnapshot(handBuiltSnapshot(), QStringLiteral("state.db"));
        QVERIFY(waitForLayout(*page.scene()));
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("er.png"));
        QVERIFY(page.exportPng(png).ok());
        QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), DiagramExport::pngSize(*page.scene(), 2.0));
        QCOMPARE(image.width(), qCeil(page.scene()->sceneRect().width() * 2));
        // Not a blank picture: the header colour of the boxes is in it.
        bool header = false;
        for (int y = 0; y < image.height() && !header; y += 3)
            for (int x = 0; x < image.width() && !header; x += 3)
                header = image.pixelColor(x, y) == QColor(0x2c, 0x4a, 0x6e);
        QVERIFY(header);

        const QString svg = dir.filePath(QStringLiteral("er.svg"));
        QVERIFY(page.exportSvg(svg).ok());
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QXmlStreamReader xml(text);
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        for (const char* name : {"strategy_registry", "strategy_versions", "strategy_lineage", "positions"})
            QVERIFY2(text.contains(name), name);
        QVERIFY(text.contains("ER diagram of state.db"));

        // A folder that does not exist: an error that says what to do, and no file.
        const QString nowhere = dir.filePath(QStringLiteral("missing/er.png"));
        const Status failed = page.exportPng(nowhere);
        QVERIFY(!failed.ok());
        QVERIFY(failed.error().what.contains(nowhere));
        QVERIFY(!failed.error().next.isEmpty());
        QVERIFY(!QFile::exists(nowhere));
    }

    void anEmptySchemaSaysSoAndALaterSnapshotWins()
    {
        ErDiagramScene scene;
        QSignalSpy done(&scene, &ErDiagramScene::laidOut);
        scene.setSnapshot(SchemaSnapshot{});
        QCOMPARE(done.size(), 1);
        QVERIFY(!scene.isLayingOut());
        QVERIFY(scene.tableItems().isEmpty());
        QCOMPARE(DiagramExport::pngSize(scene, 1.0).isEmpty(), false); // the message is still a picture

        // Two snapshots in a row: only the second is drawn, whichever layout ends first.
        SchemaSnapshot small = handBuiltSnapshot();
        small.tables.removeLast();
        scene.setSnapshot(handBuiltSnapshot());
        scene.setSnapshot(small);
        QVERIFY(waitForLayout(scene));
        QTest::qWait(100); // the first layout's end, if later, must not replace the second
        QCOMPARE(scene.tableItems().size(), 3);
    }

    void aRealSqliteDatabaseWithTheDemoAndStrategyTables()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.db"));
        const Status made = demoWithStrategyTables(path);
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().toText()));
        const auto snapshot = readSchema(QStringLiteral("sqlite:") + path);
        QVERIFY2(snapshot, qPrintable(snapshot ? QString() : snapshot.error().toText()));

        ErDiagramPage page;
        page.resize(1500, 950);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.setSnapshot(*snapshot, QStringLiteral("state.db"));
        QVERIFY(waitForLayout(*page.scene()));
        ErDiagramScene& scene = *page.scene();
        QCOMPARE(scene.tableItems().size(), snapshot->tables.size());
        for (const char* name :
             {"strategy_registry", "strategy_versions", "strategy_performance", "strategy_lineage"})
            QVERIFY2(scene.tableItem(QStringLiteral("main"), QString::fromLatin1(name)), name);
        QCOMPARE(scene.relationItems().size(), 5); // parent, versions, performance, ancestor, descendant
        checkLinesMeetTheirRows(scene);
        QVERIFY(page.statusText().contains(QStringLiteral("5 foreign keys")));
        page.view()->fitAll();
        QTest::qWait(50);
        QVERIFY(keepScreenshots(page, QStringLiteral("er-diagram")));
    }

    void aRealPostgresDatabaseGroupsTablesBySchema()
    {
        ScratchPostgres pg;
        STRATA_REQUIRE_POSTGRES(pg);
        {
            auto db = MigrationHarness::open(pg.url());
            QVERIFY(db);
            for (const QString& step :
                 {QStringLiteral("01_tables.postgresql.sql"), QStringLiteral("02_indexes.postgresql.sql")}) {
                QFile file(QStringLiteral(STRATA_SOURCE_DIR "/migrations/strategy/001_strategy_management/") +
                           step);
                QVERIFY(file.open(QIODevice::ReadOnly));
                const Status ran = (*db)->runScript({file.fileName(), file.readAll(), 1}, false);
                QVERIFY2(ran.ok(), qPrintable(ran.ok() ? QString() : ran.error().toText()));
            }
            // A second schema whose table references the first: a cross-schema key and two groups.
            QVERIFY((*db)->execute(QStringLiteral("CREATE SCHEMA risk")).ok());
            QVERIFY(
                (*db)
                    ->execute(QStringLiteral("CREATE TABLE risk.limits (id bigint PRIMARY KEY, strategy_id "
                                             "varchar(100) NOT NULL REFERENCES public.strategy_registry "
                                             "(strategy_id), max_notional numeric(18,2))"))
                    .ok());
        }
        const auto snapshot = readSchema(pg.url());
        QVERIFY2(snapshot, qPrintable(snapshot ? QString() : snapshot.error().toText()));

        ErDiagramPage page;
        page.resize(1400, 900);
        page.show();
        page.setSnapshot(*snapshot, pg.name());
        QVERIFY(waitForLayout(*page.scene()));
        ErDiagramScene& scene = *page.scene();
        QCOMPARE(scene.tableItems().size(), 5);
        QVERIFY(scene.tableItem(QStringLiteral("risk"), QStringLiteral("limits")));
        QCOMPARE(scene.relationItems().size(), 6);
        checkLinesMeetTheirRows(scene);
        // One dashed group per schema, holding its tables.
        int groups = 0;
        for (QGraphicsItem* item : scene.items())
            if (auto* frame = qgraphicsitem_cast<QGraphicsRectItem*>(item)) {
                ++groups;
                const bool risk = frame->rect().contains(
                    scene.tableItem(QStringLiteral("risk"), QStringLiteral("limits"))->sceneBoundingRect());
                const bool publicGroup = frame->rect().contains(
                    scene.tableItem(QStringLiteral("public"), QStringLiteral("strategy_registry"))
                        ->sceneBoundingRect());
                QVERIFY(risk != publicGroup);
            }
        QCOMPARE(groups, 2);
        QVERIFY(keepScreenshots(page, QStringLiteral("er-diagram-postgresql")));
    }
};

QTEST_MAIN(TestErDiagram)
#include "tst_er_diagram.moc"

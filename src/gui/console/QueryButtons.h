#pragma once

#include <QWidget>

class QPushButton;

namespace strata {

/// The row of buttons above a console editor: Run, Run script, Cancel, Explain, Explain Analyze, and at the
/// right the write-mode switch.
class QueryButtons : public QWidget
{
    Q_OBJECT

public:
    explicit QueryButtons(QWidget* parent = nullptr);

    QPushButton* run;
    QPushButton* runScript;
    QPushButton* cancel;
    QPushButton* explain;
    QPushButton* analyze;
    QPushButton* write;
};

} // namespace strata

// The headers the desktop app's tests include, compiled once per build (strata_add_gui_test in
// tests/CMakeLists.txt) instead of once per test executable. Every test still includes what it uses.
#pragma once

#include <QAbstractButton>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QWizard>
#include <QtTest>

#include "precompiled/WidgetHeaders.h"

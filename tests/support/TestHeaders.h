// The headers every test includes, compiled once per test folder (strata_add_test in tests/CMakeLists.txt)
// instead of once per test executable. Every test still includes what it uses.
#pragma once

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "precompiled/CoreHeaders.h"

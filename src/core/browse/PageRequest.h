#pragma once

#include <memory>

#include <QVariantList>

#include "browse/BrowseQuery.h"
#include "browse/KeyAnchors.h"

namespace strata {

/// A page the grid wants, with what the grid already knows that makes it a seek: the keys next to it
/// from pages it holds, the anchors of this order, and the row count it believes.
struct PageRequest
{
    quint64 generation = 0;
    int page = -1;
    qint64 startRow = 0;
    int rows = 0;
    qint64 totalRows = -1;         ///< what the grid shows; -1 when unknown
    QVariantList previousLastKey;  ///< last key of page - 1, when held
    QVariantList nextFirstKey;     ///< first key of page + 1, when held
    bool neighbourFromEnd = false; ///< that neighbour was read from the end: so is this page
    std::shared_ptr<const BrowseQuery> query;
    std::shared_ptr<KeyAnchors> anchors;
};

} // namespace strata

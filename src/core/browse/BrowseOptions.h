#pragma once

#include <QtGlobal>

namespace strata {

/// How a TableBrowseModel pages through a table. The defaults keep memory flat on tables of any size:
/// at most 64 pages of 200 rows (and 32 MB) are held, and rapid scrolling queues no more than the last
/// few pages asked for.
struct BrowseOptions
{
    int pageSize = 200;
    int maxCachedPages = 64;
    qint64 maxCachedBytes = 32 * 1024 * 1024;
    /// Pages waiting for the worker beyond this many are forgotten, oldest first: what was scrolled past
    /// is not worth a query.
    int maxQueuedPages = 6;
    /// Every anchorStride-th key is kept, so row N is found from anchor N / stride and a short OFFSET.
    int anchorStride = 500;
    /// Anchors are read this many strides per statement, so a page request waits at most one such chunk.
    int anchorChunkStrides = 40;
    /// Added to every page fetch: stands in for a slow server in tests and demonstrations.
    int simulatedLatencyMs = 0;
};

} // namespace strata

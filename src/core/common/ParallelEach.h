#pragma once

#include <algorithm>
#include <thread>
#include <vector>

#include <QtGlobal>

namespace strata {

/// Runs `work(i)` for every i in [0, count) on up to the machine's cores, and returns when all are done.
/// Each index is handled by exactly one thread, in no particular order, so `work` must only touch what
/// belongs to its index (results go into a slot per index; the caller reads them in order afterwards, so
/// that what it reports, e.g. the first error, does not depend on the threads). Small inputs run on the
/// calling thread: starting threads costs more than a few dozen small files.
template <typename Work> void parallelEach(qsizetype count, Work work, qsizetype minimumPerThread = 64)
{
    const auto cores = static_cast<qsizetype>(std::max(1U, std::thread::hardware_concurrency()));
    const qsizetype threads =
        std::min<qsizetype>({cores, 8, count / std::max<qsizetype>(1, minimumPerThread)});
    if (threads <= 1) {
        for (qsizetype i = 0; i < count; ++i)
            work(i);
        return;
    }
    // Interleaved indexes: neighbouring files (often of similar size) spread over the threads.
    auto run = [&](qsizetype first) {
        for (qsizetype i = first; i < count; i += threads)
            work(i);
    };
    std::vector<std::thread> helpers;
    helpers.reserve(static_cast<size_t>(threads - 1));
    for (qsizetype t = 1; t < threads; ++t)
        helpers.emplace_back(run, t);
    run(0);
    for (auto& helper : helpers)
        helper.join();
}

} // namespace strata

// A stand-in for the risk-manager daemon: commits one row to a SQLite database every millisecond until
// it is told to stop (a line on stdin) or its time runs out, then prints how many commits it made and
// the slowest one, in microseconds: "commits=N slowest_us=M".
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include <poll.h>
#include <sqlite3.h>
#include <unistd.h>

int main(int argc, char* argv[])
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: steady_writer DATABASE SECONDS\n");
        return 2;
    }
    sqlite3* db = nullptr;
    if (sqlite3_open(argv[1], &db) != SQLITE_OK)
        return 1;
    sqlite3_busy_timeout(db, 10000);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS ticks (at INTEGER, payload BLOB)",
                 nullptr, nullptr, nullptr);
    std::puts("ready");
    std::fflush(stdout);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(std::atoi(argv[2]));
    long commits = 0;
    long long slowest = 0;
    pollfd input{STDIN_FILENO, POLLIN, 0};
    while (std::chrono::steady_clock::now() < deadline && poll(&input, 1, 0) == 0) {
        const auto start = std::chrono::steady_clock::now();
        if (sqlite3_exec(db, "INSERT INTO ticks VALUES (strftime('%s','now'), randomblob(256))", nullptr,
                         nullptr, nullptr) != SQLITE_OK) {
            std::fprintf(stderr, "writer: %s\n", sqlite3_errmsg(db));
            return 1;
        }
        const auto us =
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
        slowest = std::max<long long>(slowest, us.count());
        ++commits;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    sqlite3_close(db);
    std::printf("commits=%ld slowest_us=%lld\n", commits, slowest);
    return 0;
}

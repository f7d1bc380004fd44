#pragma once

#include <cstdint>
#include <random>

namespace strata {

/// The demo's source of randomness: std::mt19937_64 (whose output the standard fixes) with distributions
/// of our own, because std::normal_distribution and friends differ between standard libraries. Same seed,
/// same numbers, on every platform.
class DemoRandom
{
public:
    explicit DemoRandom(std::uint64_t seed) : m_engine(seed) {}
    /// A stream of its own for one part of the demo (one strategy's days), independent of how many numbers
    /// the other parts drew.
    static DemoRandom derived(std::uint64_t seed, std::uint64_t stream);

    /// Uniform in [0, 1).
    double uniform();
    double uniform(double low, double high) { return low + (high - low) * uniform(); }
    /// Uniform integer in [low, high].
    int between(int low, int high);
    bool chance(double probability) { return uniform() < probability; }
    /// Standard normal (Box–Muller).
    double normal();
    double normal(double mean, double stddev) { return mean + stddev * normal(); }
    /// Poisson by Knuth's method (the demo's means are small).
    int poisson(double mean);
    /// Successes out of `trials` draws of `probability`.
    int binomial(int trials, double probability);

private:
    std::mt19937_64 m_engine;
    double m_spare = 0;
    bool m_hasSpare = false;
};

} // namespace strata

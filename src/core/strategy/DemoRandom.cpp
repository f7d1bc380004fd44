#include "strategy/DemoRandom.h"

#include <cmath>
#include <numbers>

namespace strata {

DemoRandom DemoRandom::derived(std::uint64_t seed, std::uint64_t stream)
{
    // splitmix64 of the pair: well-spread seeds even for consecutive streams.
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (stream + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return DemoRandom(z ^ (z >> 31));
}

double DemoRandom::uniform()
{
    // The top 53 bits, as a double in [0, 1).
    return static_cast<double>(m_engine() >> 11) * 0x1.0p-53;
}

int DemoRandom::between(int low, int high)
{
    if (high <= low)
        return low;
    const auto span = static_cast<std::uint64_t>(high - low) + 1;
    return low + static_cast<int>(m_engine() % span);
}

double DemoRandom::normal()
{
    if (m_hasSpare) {
        m_hasSpare = false;
        return m_spare;
    }
    double u = 0;
    while (u <= 0)
        u = uniform();
    const double v = uniform();
    const double radius = std::sqrt(-2.0 * std::log(u));
    const double angle = 2.0 * std::numbers::pi * v;
    m_spare = radius * std::sin(angle);
    m_hasSpare = true;
    return radius * std::cos(angle);
}

int DemoRandom::poisson(double mean)
{
    const double limit = std::exp(-mean);
    int k = 0;
    double product = uniform();
    while (product > limit && k < 1000) {
        ++k;
        product *= uniform();
    }
    return k;
}

int DemoRandom::binomial(int trials, double probability)
{
    int successes = 0;
    for (int i = 0; i < trials; ++i)
        successes += chance(probability) ? 1 : 0;
    return successes;
}

} // namespace strata

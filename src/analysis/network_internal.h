// Pieces of the partner-network analysis shared by its source files; not part of the public API.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

#include "partnermap/graph.h"

namespace partnermap::network {

// The partner network as a simple graph in compressed rows: row(v) lists v's neighbours, each once
// (an organisation entered twice in one partnership is one edge). A copy of the graph model's rows
// rather than views into them: the model's partnership rows also hold commitments and themes, and
// the hot loops run faster over one dense array of 32-bit ids.
struct Rows {
  std::vector<std::uint32_t> offsets;  // size() + 1 entries
  std::vector<Vertex> targets;

  std::size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
  std::size_t directed_edges() const { return targets.size(); }
  std::span<const Vertex> row(Vertex v) const { return {targets.data() + offsets[v], offsets[v + 1] - offsets[v]}; }
};

Rows simple_rows(const Graph& g);

// Runs `body(worker, begin, end)` over [0, n) in chunks on `threads` threads (the caller's among
// them). Work is handed out dynamically, so `body` must write only to per-index or per-worker
// places. The first exception thrown by a body is rethrown here after every worker stopped.
inline void parallel_for(std::size_t n, unsigned threads, std::size_t chunk,
                         const std::function<void(unsigned worker, std::size_t begin, std::size_t end)>& body) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  const auto work = [&](unsigned worker) {
    try {
      for (;;) {
        if (failed.load(std::memory_order_relaxed)) return;
        const std::size_t begin = next.fetch_add(chunk);
        if (begin >= n) return;
        body(worker, begin, std::min(n, begin + chunk));
      }
    } catch (...) {
      std::lock_guard lock(error_mutex);
      if (!error) error = std::current_exception();
      failed = true;
    }
  };
  {
    // jthreads join as the pool goes out of scope, so a thread that fails to start stops the others
    // (through `failed`) and waits for them instead of terminating the program.
    std::vector<std::jthread> pool;
    try {
      for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
    } catch (...) {
      failed = true;
      throw;
    }
    work(0);
  }
  if (error) std::rethrow_exception(error);
}

// What the BFS passes from a list of sources found.
struct SourceRun {
  // Sum over the betweenness sources of each vertex's dependency δ_s(v) (v ≠ s). Unscaled: in an
  // undirected graph every pair is seen from both ends.
  std::vector<double> dependency;
  // Per source: (reached - 1) / (sum of distances to the reached), its exact closeness; 0 for the others.
  std::vector<double> closeness;
  std::vector<std::uint8_t> is_source;
  // Per vertex: sum over all sources of the distance from the source (0 when unreached). Filled only
  // when asked for (sampled runs estimate closeness from it).
  std::vector<std::uint64_t> distance_sum;
};

struct SourcePlan {
  std::vector<Vertex> sources;          // distinct
  std::size_t betweenness_sources = 0;  // sources[0, this) accumulate dependencies; the rest only distances
  bool distance_sums = false;
};

// Brandes's single-source passes (unweighted, undirected), one per source, on `threads` threads.
// The result is the same bit for bit whatever `threads` is: sources are grouped into blocks whose
// size depends only on the source count, each block sums into its own buffer, and blocks are added
// into the result in block order.
SourceRun run_sources(const Rows& rows, const SourcePlan& plan, unsigned threads,
                      const std::function<void(std::size_t, std::size_t)>& progress);

}  // namespace partnermap::network

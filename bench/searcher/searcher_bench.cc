// Searcher latency benchmark (not a test): runs a query log (bench/searcher/make_queries.py)
// through the public Searcher API, single thread, after one warm-up pass, and reports
// p50/p90/p99/max and total latency per timed pass, the median over passes, a per-shape
// breakdown and the slowest queries.
//
//   arkiv_searcher_bench --db DIR [--db DIR]... --queries LOG.tsv [--runs 3]
//                        [--facets all|log|none] [--limit 10] [--per-query OUT.tsv]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "searcher/searcher.h"

namespace {

struct LoggedQuery {
  std::string kind;
  bool facets = false;
  arkiv::SearchRequest request;
};

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const auto end = text.find(separator, start);
    out.emplace_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

std::vector<std::string> values(const std::string& joined) {
  if (joined.empty()) return {};
  return split(joined, '|');
}

std::vector<LoggedQuery> read_log(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw arkiv::IoError("cannot read query log " + path);
  std::vector<LoggedQuery> out;
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    const auto cols = split(line, '\t');
    if (cols.size() != 10)
      throw arkiv::DataError(path + ":" + std::to_string(number) + ": expected 10 tab-separated fields");
    LoggedQuery query;
    query.kind = cols[0];
    query.facets = cols[1] == "1";
    query.request.query = cols[2];
    query.request.organisations = values(cols[3]);
    query.request.topics = values(cols[4]);
    query.request.types = values(cols[5]);
    query.request.languages = values(cols[6]);
    query.request.date_from = cols[7];
    query.request.date_to = cols[8];
    out.push_back(std::move(query));
  }
  return out;
}

// Nearest-rank percentile of sorted values (p in 0..100).
double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto rank = static_cast<std::size_t>(std::ceil(p / 100 * static_cast<double>(sorted.size())));
  return sorted[std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1)];
}

struct Summary {
  double p50 = 0, p90 = 0, p99 = 0, max = 0, total = 0;
};

Summary summarise(std::vector<double> times) {
  std::sort(times.begin(), times.end());
  Summary s;
  s.p50 = percentile(times, 50);
  s.p90 = percentile(times, 90);
  s.p99 = percentile(times, 99);
  s.max = times.empty() ? 0 : times.back();
  for (double t : times) s.total += t;
  return s;
}

void print_summary(const char* label, std::size_t count, const Summary& s) {
  std::printf("%s: %zu queries  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  total %.0f ms\n", label, count,
              s.p50, s.p90, s.p99, s.max, s.total);
}

// CPU time of this thread in ms: unlike wall time, not stretched when other processes share the cores.
double thread_cpu_ms() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const auto n = v.size();
  return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

[[noreturn]] void usage(const char* message) {
  std::fprintf(stderr,
               "arkiv_searcher_bench: %s\nusage: arkiv_searcher_bench --db DIR... --queries LOG.tsv [--runs N] "
               "[--facets all|log|none] [--limit N] [--per-query OUT.tsv]\n",
               message);
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> databases;
  std::string log_path, facets_mode = "all", per_query_path;
  int runs = 3;
  std::size_t limit = 10;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) usage(("missing value after " + std::string(arg)).c_str());
      return argv[++i];
    };
    if (arg == "--db") databases.push_back(next());
    else if (arg == "--queries") log_path = next();
    else if (arg == "--runs") runs = std::atoi(next().c_str());
    else if (arg == "--facets") facets_mode = next();
    else if (arg == "--limit") limit = static_cast<std::size_t>(std::atol(next().c_str()));
    else if (arg == "--per-query") per_query_path = next();
    else usage(("unknown argument " + std::string(arg)).c_str());
  }
  if (databases.empty() || log_path.empty() || runs < 1) usage("--db and --queries are required, --runs >= 1");
  if (facets_mode != "all" && facets_mode != "log" && facets_mode != "none") usage("--facets takes all, log or none");

  try {
    auto log = read_log(log_path);
    const std::vector<std::string> all_facets{"org", "year", "topic", "type", "lang", "role"};
    for (auto& query : log) {
      query.request.limit = limit;
      if (facets_mode == "all" || (facets_mode == "log" && query.facets)) query.request.facets = all_facets;
    }
    arkiv::Searcher searcher(databases);
    std::printf("databases: %zu sections; %zu queries from %s; top-%zu, facets: %s\n", searcher.document_count(),
                log.size(), log_path.c_str(), limit, facets_mode.c_str());

    std::vector<double> times(log.size()), cpu_times(log.size());
    std::vector<std::size_t> totals(log.size());
    std::vector<bool> estimated(log.size());
    std::size_t errors = 0;
    auto one_pass = [&] {
      for (std::size_t i = 0; i < log.size(); ++i) {
        const auto started = std::chrono::steady_clock::now();
        const auto cpu_started = thread_cpu_ms();
        try {
          const auto result = searcher.search(log[i].request);
          totals[i] = result.total;
          estimated[i] = !result.facets.empty() && !result.facets.front().exact;
        } catch (const arkiv::UsageError& error) {
          ++errors;
          std::fprintf(stderr, "query %zu '%s': %s\n", i + 1, log[i].request.query.c_str(), error.what());
        }
        times[i] = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        cpu_times[i] = thread_cpu_ms() - cpu_started;
      }
    };
    one_pass();  // warm-up: the database's blocks in the page cache, analyzers' caches filled
    std::vector<Summary> summaries, cpu_summaries;
    for (int run = 1; run <= runs; ++run) {
      one_pass();
      summaries.push_back(summarise(times));
      cpu_summaries.push_back(summarise(cpu_times));
      print_summary(("arkiv run " + std::to_string(run)).c_str(), log.size(), summaries.back());
      print_summary(("arkiv cpu run " + std::to_string(run)).c_str(), log.size(), cpu_summaries.back());
    }
    auto middle = [&](const std::vector<Summary>& all) {
      auto pick = [&](double Summary::*field) {
        std::vector<double> v;
        for (const auto& s : all) v.push_back(s.*field);
        return median(v);
      };
      return Summary{pick(&Summary::p50), pick(&Summary::p90), pick(&Summary::p99), pick(&Summary::max),
                     pick(&Summary::total)};
    };
    print_summary(("arkiv median of " + std::to_string(runs) + " runs").c_str(), log.size(), middle(summaries));
    print_summary(("arkiv cpu median of " + std::to_string(runs) + " runs").c_str(), log.size(), middle(cpu_summaries));
    if (errors > 0) std::printf("errors: %zu query errors over all passes (see stderr)\n", errors);

    // Breakdown of the last pass by query shape, and the slowest queries.
    std::map<std::string, std::vector<double>> by_kind;
    for (std::size_t i = 0; i < log.size(); ++i) by_kind[log[i].kind].push_back(times[i]);
    for (const auto& [kind, kind_times] : by_kind)
      print_summary(("  last run, " + kind).c_str(), kind_times.size(), summarise(kind_times));
    std::map<std::string, std::vector<double>> cpu_by_kind;
    for (std::size_t i = 0; i < log.size(); ++i) cpu_by_kind[log[i].kind].push_back(cpu_times[i]);
    for (const auto& [kind, kind_times] : cpu_by_kind)
      print_summary(("  last run, cpu, " + kind).c_str(), kind_times.size(), summarise(kind_times));
    const auto estimates = std::count(estimated.begin(), estimated.end(), true);
    std::printf("queries whose facets are estimates (> 100,000 matches): %td\n", estimates);
    std::vector<std::size_t> order(log.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return times[a] > times[b]; });
    std::printf("slowest (last run):\n");
    for (std::size_t k = 0; k < std::min<std::size_t>(10, order.size()); ++k) {
      const auto i = order[k];
      std::printf("  %8.2f ms  %8zu hits  %-11s %s\n", times[i], totals[i], log[i].kind.c_str(),
                  log[i].request.query.c_str());
    }
    if (!per_query_path.empty()) {
      std::ofstream out(per_query_path);
      for (std::size_t i = 0; i < log.size(); ++i)
        out << times[i] << '\t' << totals[i] << '\t' << log[i].kind << '\t' << log[i].request.query << '\t'
            << cpu_times[i] << '\n';
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "arkiv_searcher_bench: %s\n", error.what());
    return 2;
  }
  return 0;
}

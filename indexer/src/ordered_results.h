#pragma once
// A bounded reorder buffer between N producer threads and one consumer: producers claim item
// indexes in order and may run at most `window` items ahead of the consumer, which takes the
// results strictly in index order. Memory stays flat and the output order is independent of N.
// Thread-safe.
#include <condition_variable>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>

namespace arkiv::indexer {

template <typename Result>
class OrderedResults {
 public:
  OrderedResults(std::size_t items, std::size_t window) : items_(items), window_(window) {}

  // The next item index for a producer, blocking while it would be too far ahead; nullopt when
  // every item is claimed or the buffer was cancelled.
  std::optional<std::size_t> claim() {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] { return cancelled_ || next_claim_ >= items_ || next_claim_ < next_take_ + window_; });
    if (cancelled_ || next_claim_ >= items_) return std::nullopt;
    return next_claim_++;
  }

  void put(std::size_t index, Result result) {
    std::lock_guard lock(mutex_);
    done_.emplace(index, std::move(result));
    if (index == next_take_) ready_.notify_one();
  }

  // The result of the next index, blocking until it is there; nullopt after the last item.
  std::optional<Result> take() {
    std::unique_lock lock(mutex_);
    if (next_take_ >= items_) return std::nullopt;
    ready_.wait(lock, [&] { return done_.count(next_take_) > 0; });
    auto node = done_.extract(next_take_);
    ++next_take_;
    space_.notify_all();
    return std::move(node.mapped());
  }

  // Releases producers waiting in claim(); used when the consumer fails.
  void cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    space_.notify_all();
  }

 private:
  const std::size_t items_;
  const std::size_t window_;
  std::mutex mutex_;
  std::condition_variable space_, ready_;
  std::map<std::size_t, Result> done_;
  std::size_t next_claim_ = 0, next_take_ = 0;
  bool cancelled_ = false;
};

}  // namespace arkiv::indexer

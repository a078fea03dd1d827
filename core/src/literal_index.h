// An Aho-Corasick automaton over byte strings: one pass over a text reports which of the
// indexed strings occur in it, in time linear in the text (plus the matches) whatever their
// number. The literal prefilter of word_finder.h: a text holding none of a vocabulary entry's
// atoms cannot match the entry.
//
// Memory: a state per distinct prefix of the strings, its transitions in one sorted array.
// Built once; read-only after build(), so concurrent scans are safe.
//
// States are numbered breadth first (build() renumbers them): a state's failure link then
// points to a smaller number, which scan() relies on to know its walk ends.
#pragma once
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace consentlens {

class DigestWriter;
class DigestReader;

class LiteralIndex {
 public:
  // The built automaton as the pack digest holds it (digest.h).
  void write(DigestWriter& out) const;
  static LiteralIndex read(DigestReader& in);

  // Adds a string (non-empty) with an id the scan reports. Call before build().
  void add(std::string_view text, std::uint32_t id);
  void build();

  // Calls on_match(id) for each occurrence of each indexed string in `text`.
  //
  // The walk checks every index it follows (a few compares per byte, which the branch
  // predictor never misses): tables read from a digest need no pass over them at start, and
  // even a damaged table can only give wrong candidates, never a read out of bounds or an
  // endless walk (a failure link must lead to a smaller state number: breadth-first order).
  template <typename F>
  void scan(std::string_view text, F&& on_match) const {
    std::uint32_t state = 0;
    for (unsigned char b : text) {
      std::uint32_t o;
      if (state < shallow_states_) {
        // Most bytes: one load, whose flag says whether the next state reports anything.
        const std::uint32_t next = shallow_[state * 256 + b];
        state = next & ~kReports;
        if (!(next & kReports)) continue;
        o = state < shallow_states_ ? shallow_output_[state] : states_[state].output;
      } else {
        state = step(state, b);
        o = state < shallow_states_ ? shallow_output_[state] : states_[state].output;
      }
      for (std::uint32_t guard = kNone; o < outputs_.size() && o < guard; guard = o, o = outputs_[o].next) on_match(outputs_[o].id);
    }
  }

  std::size_t states() const { return states_.size(); }

 private:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  // In the shallow table, beside the next state's number: the next state has output.
  static constexpr std::uint32_t kReports = 0x80000000u;
  // Plain 32-bit fields only: the digest holds these arrays as they are in memory.
  struct Edge {
    std::uint32_t byte;
    std::uint32_t to;
  };
  struct State {
    std::uint32_t first_edge = 0, edge_count = 0;  // into edges_ (after build)
    std::uint32_t fail = 0;
    std::uint32_t output = kNone;  // head of the outputs_ list: its own ids, then its suffixes'
  };
  struct Output {
    std::uint32_t id;
    std::uint32_t next;
  };

  // kNone if none. Inline: past the shallow table every byte asks it, and most deep states
  // (the tails of long atoms) have a single edge.
  std::uint32_t child(std::uint32_t state, unsigned char b) const {
    const State& s = states_[state];
    if (s.first_edge > edges_.size() || s.edge_count > edges_.size() - s.first_edge) return kNone;  // damaged
    const Edge* first = edges_.data() + s.first_edge;
    const Edge* last = first + s.edge_count;
    const Edge* it = s.edge_count == 1 ? first : std::lower_bound(first, last, b, [](const Edge& e, unsigned x) { return e.byte < x; });
    return it != last && it->byte == b && it->to < states_.size() ? it->to : kNone;
  }
  std::uint32_t step(std::uint32_t state, unsigned char b) const {
    for (;;) {
      if (state < shallow_states_) return shallow_[state * 256 + b] & ~kReports;
      const std::uint32_t c = child(state, b);
      if (c != kNone) return c;
      const std::uint32_t fail = states_[state].fail;
      if (fail >= state) return 0;  // only a damaged table: start over rather than circle
      state = fail;
    }
  }

  void renumber_breadth_first();
  void make_shallow_table();

  // The first states in breadth-first order (the root and its near descendants, where a scan
  // spends most bytes) get a full table of next states, failure links already followed: one
  // load per byte instead of a search and a walk up the failure links. Made from the edges
  // when built or read, never stored in a digest; 512 states cost 512 KiB.
  static constexpr std::uint32_t kShallowStates = 512;
  std::uint32_t shallow_states_ = 0;
  std::vector<std::uint32_t> shallow_;
  std::vector<std::uint32_t> shallow_output_;  // their output lists' heads, kept beside the table

  std::vector<State> states_{State{}};
  std::vector<Edge> edges_;
  std::vector<std::uint32_t> root_ = std::vector<std::uint32_t>(256, 0);
  std::vector<Output> outputs_;
  // While adding: each state's children, unsorted.
  std::vector<std::vector<Edge>> building_{{}};
  std::vector<std::vector<std::uint32_t>> own_ids_{{}};
};

}  // namespace consentlens

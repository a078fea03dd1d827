#include "literal_index.h"

#include <algorithm>

#include "digest.h"

namespace consentlens {

void LiteralIndex::add(std::string_view text, std::uint32_t id) {
  if (text.empty()) return;
  std::uint32_t state = 0;
  for (unsigned char b : text) {
    auto& kids = building_[state];
    auto it = std::find_if(kids.begin(), kids.end(), [&](const Edge& e) { return e.byte == b; });
    if (it != kids.end()) {
      state = it->to;
      continue;
    }
    const auto next = static_cast<std::uint32_t>(states_.size());
    states_.push_back(State{});
    building_.emplace_back();
    own_ids_.emplace_back();
    building_[state].push_back({b, next});  // `kids` may have moved with building_
    state = next;
  }
  own_ids_[state].push_back(id);
}

void LiteralIndex::build() {
  // Edges in one sorted array per state.
  for (std::uint32_t s = 0; s < states_.size(); ++s) {
    auto& kids = building_[s];
    std::sort(kids.begin(), kids.end(), [](const Edge& a, const Edge& b) { return a.byte < b.byte; });
    states_[s].first_edge = static_cast<std::uint32_t>(edges_.size());
    states_[s].edge_count = static_cast<std::uint32_t>(kids.size());
    edges_.insert(edges_.end(), kids.begin(), kids.end());
  }
  std::fill(root_.begin(), root_.end(), 0);
  for (const Edge& e : building_[0]) root_[e.byte] = e.to;
  // Failure links breadth first, so a state's fail state is done before it; each state's
  // output list is its own ids followed by its fail state's list.
  std::vector<std::uint32_t> queue;
  for (const Edge& e : building_[0]) {
    states_[e.to].fail = 0;
    queue.push_back(e.to);
  }
  auto link_outputs = [&](std::uint32_t s) {
    std::uint32_t head = states_[states_[s].fail].output;
    for (auto it = own_ids_[s].rbegin(); it != own_ids_[s].rend(); ++it) {
      outputs_.push_back({*it, head});
      head = static_cast<std::uint32_t>(outputs_.size() - 1);
    }
    states_[s].output = head;
  };
  for (std::uint32_t q : queue) link_outputs(q);
  for (std::size_t qi = 0; qi < queue.size(); ++qi) {
    const std::uint32_t s = queue[qi];
    for (const Edge& e : building_[s]) {
      std::uint32_t f = states_[s].fail;
      std::uint32_t target = kNone;
      for (;;) {
        target = f == 0 ? root_[e.byte] : child(f, e.byte);
        if (target != kNone && target != e.to) break;
        if (f == 0) {
          target = 0;
          break;
        }
        f = states_[f].fail;
      }
      states_[e.to].fail = target == kNone ? 0 : target;
      link_outputs(e.to);
      queue.push_back(e.to);
    }
  }
  building_.clear();
  building_.shrink_to_fit();
  own_ids_.clear();
  own_ids_.shrink_to_fit();
  renumber_breadth_first();
  make_shallow_table();
}

void LiteralIndex::make_shallow_table() {
  shallow_states_ = 0;  // step() below must not read the table it is filling
  const auto n = static_cast<std::uint32_t>(std::min<std::size_t>(states_.size(), kShallowStates));
  shallow_.assign(static_cast<std::size_t>(n) * 256, 0);
  shallow_output_.resize(n);
  for (std::uint32_t s = 0; s < n; ++s) shallow_output_[s] = states_[s].output;
  for (std::uint32_t s = 0; s < n; ++s)
    for (unsigned b = 0; b < 256; ++b) {
      std::uint32_t next;
      if (s == 0) next = root_[b] < states_.size() ? root_[b] : 0;
      else if (const std::uint32_t c = child(s, static_cast<unsigned char>(b)); c != kNone) next = c;
      else {
        // Breadth-first numbers: a failure link leads to a smaller state, whose row is done.
        const std::uint32_t fail = states_[s].fail;
        next = fail < s ? shallow_[static_cast<std::size_t>(fail) * 256 + b] & ~kReports : 0;
      }
      shallow_[static_cast<std::size_t>(s) * 256 + b] = next;
    }
  // Flag the entries whose next state has output (a damaged table's wild number flags none).
  for (auto& next : shallow_)
    if (next < states_.size() && states_[next].output != kNone) next |= kReports;
  shallow_states_ = n;
}

void LiteralIndex::renumber_breadth_first() {
  std::vector<std::uint32_t> order{0};  // old numbers, breadth first
  for (std::size_t q = 0; q < order.size(); ++q) {
    const State& s = states_[order[q]];
    for (std::uint32_t e = s.first_edge; e < s.first_edge + s.edge_count; ++e) order.push_back(edges_[e].to);
  }
  std::vector<std::uint32_t> renamed(states_.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) renamed[order[i]] = i;
  std::vector<State> states(states_.size());
  std::vector<Edge> edges;
  edges.reserve(edges_.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    const State& old = states_[order[i]];
    State& s = states[i];
    s.fail = renamed[old.fail];
    s.output = old.output;
    s.first_edge = static_cast<std::uint32_t>(edges.size());
    s.edge_count = old.edge_count;
    for (std::uint32_t e = old.first_edge; e < old.first_edge + old.edge_count; ++e) edges.push_back({edges_[e].byte, renamed[edges_[e].to]});
  }
  for (auto& r : root_) r = renamed[r];
  states_ = std::move(states);
  edges_ = std::move(edges);
}

void LiteralIndex::write(DigestWriter& out) const {
  out.array(states_);
  out.array(edges_);
  out.array(outputs_);
  out.array(root_);
}

LiteralIndex LiteralIndex::read(DigestReader& in) {
  LiteralIndex x;
  in.array(x.states_);
  in.array(x.edges_);
  in.array(x.outputs_);
  in.array(x.root_);
  x.building_.clear();
  x.own_ids_.clear();
  // Nothing more to check here: scan() checks every index it follows (see the header).
  if (x.states_.empty() || x.root_.size() != 256) in.fail("the word automaton's tables do not fit together");
  x.make_shallow_table();
  return x;
}


}  // namespace consentlens

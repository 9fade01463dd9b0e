#pragma once
// Private to lib/intent: turning forwarding verdicts and DNS resolutions into the
// evidence of an IntentResult, and collecting warnings met on the way.

#include <cstddef>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "moat/dns/resolution.hpp"
#include "moat/fwd/verdict.hpp"
#include "moat/intent/environment.hpp"
#include "moat/intent/intent_result.hpp"

namespace moat::intent::detail {

// Accumulates the verdicts of one intent (several sources, several resolutions).
class Evaluation {
 public:
  Evaluation(const Environment& environment, const Intent& intent);

  // A forwarding verdict for one source/destination pair.
  void add(const fwd::Verdict& verdict);
  // A resolution that ended without usable answers (fails `reachable`/`resolvable`,
  // holds `unreachable`).
  void unresolved(const dns::Resolution& resolution, const std::string& source);
  // A resolution that answered: its answer and assumptions as explanations.
  void resolved(const dns::Resolution& resolution, const std::string& source);
  // A failure found without evaluating flows.
  void fail(Explanation explanation);
  // A stated assumption (R0.1) or a supporting fact.
  void note(Explanation explanation);
  void unknown(Explanation explanation);
  // Odd input met while evaluating: explained here and reported once among the
  // report's warnings.
  void warn(Explanation explanation);

  IntentResult result() const;
  const std::vector<Explanation>& warnings() const { return warnings_; }

 private:
  // Explanations are unique by (code, resource, key), the key being the message unless
  // given: a hop met on many counterexample paths is explained once, naming the first
  // path, and result() says how many more paths met it. O(log n) per explanation.
  void explain(Explanation explanation, std::string key = {});
  // The blockers of a required DNS flow the oracle found failing, as explanations.
  void explain_failing_flow(const dns::RequiredFlow& flow);
  void set_path(std::vector<PathStep> path, std::optional<net::Packet> witness, bool certain);

  const Environment& environment_;
  IntentResult result_;
  bool failed_ = false;
  bool uncertain_ = false;
  bool path_set_ = false;
  bool path_certain_ = false;
  std::vector<Explanation> warnings_;
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> explained_;  // -> index
  std::vector<std::size_t> repeats_;  // per explanation: further paths that met it
};

}  // namespace moat::intent::detail

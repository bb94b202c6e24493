#include "partnermap/model.h"

namespace partnermap {

std::size_t Register::membership_count() const {
  std::size_t n = 0;
  for (const Partnership& p : partnerships) n += p.members.size();
  return n;
}

std::optional<Role> Register::council_role(const Partnership& p) const {
  // A register may list the council twice by mistake (the checker warns); the strongest role counts.
  std::optional<Role> role;
  for (const Member& m : p.members)
    if (m.org == council && (!role || m.role < *role)) role = m.role;
  return role;
}

const char* to_string(Nature v) {
  switch (v) {
    case Nature::strategic: return "strategic";
    case Nature::operational: return "operational";
    case Nature::funding: return "funding";
    case Nature::project: return "project";
  }
  return "?";
}

const char* to_string(Role v) {
  switch (v) {
    case Role::lead: return "lead";
    case Role::support: return "support";
    case Role::observer: return "observer";
  }
  return "?";
}

const char* to_string(Stage v) {
  switch (v) {
    case Stage::deciding: return "deciding";
    case Stage::establishing: return "establishing";
    case Stage::running: return "running";
    case Stage::evaluating: return "evaluating";
    case Stage::exiting: return "exiting";
  }
  return "?";
}

const char* to_string(ExitStrategy v) {
  switch (v) {
    case ExitStrategy::mainstreaming: return "mainstreaming";
    case ExitStrategy::succession: return "succession";
    case ExitStrategy::exit: return "exit";
    case ExitStrategy::none: return "none";
  }
  return "?";
}

const char* to_string(Risk v) {
  switch (v) {
    case Risk::high: return "high";
    case Risk::medium: return "medium";
    case Risk::low: return "low";
  }
  return "?";
}

}  // namespace partnermap

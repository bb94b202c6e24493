#include "partnermap/save.h"

#include <charconv>
#include <cmath>
#include <ostream>
#include <string>
#include <string_view>

namespace partnermap {

namespace {

// Collects text and hands it to the stream in large pieces: a national register is a hundred MB
// written in a few million small fields.
class Writer {
 public:
  explicit Writer(std::ostream& out) : out_(out) { buf_.reserve(kFlushAt + 4096); }
  ~Writer() { flush(); }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  Writer& raw(std::string_view s) {
    buf_.append(s);
    if (buf_.size() >= kFlushAt) flush();
    return *this;
  }

  // A JSON string: quotes, backslashes and control characters escaped; UTF-8 passes through (the
  // loader has already refused invalid UTF-8).
  Writer& str(std::string_view s) {
    buf_ += '"';
    for (const char c : s) {
      const auto u = static_cast<unsigned char>(c);
      switch (c) {
        case '"': buf_ += "\\\""; break;
        case '\\': buf_ += "\\\\"; break;
        case '\n': buf_ += "\\n"; break;
        case '\r': buf_ += "\\r"; break;
        case '\t': buf_ += "\\t"; break;
        case '\b': buf_ += "\\b"; break;
        case '\f': buf_ += "\\f"; break;
        default:
          if (u < 0x20) {
            static const char* hex = "0123456789abcdef";
            buf_ += "\\u00";
            buf_ += hex[u >> 4];
            buf_ += hex[u & 15];
          } else {
            buf_ += c;
          }
      }
    }
    buf_ += '"';
    return raw("");
  }

  // Shortest round-trip form: 12.5 stays 12.5, 1e-07 stays 1e-07. Whole numbers are written as
  // integers (600000, not to_chars's shorter 6e+05), as a person would type them.
  Writer& num(double v) {
    if (v == std::trunc(v) && std::fabs(v) < 0x1.0p53) return integer(static_cast<long long>(v));
    char text[32];
    const auto r = std::to_chars(text, text + sizeof text, v);
    return raw(std::string_view(text, static_cast<std::size_t>(r.ptr - text)));
  }

  Writer& integer(long long v) { return raw(std::to_string(v)); }

  // `"key": ` with the separator that goes before it.
  Writer& key(std::string_view k, bool& first) {
    if (!first) raw(", ");
    first = false;
    return str(k).raw(": ");
  }

  // Unknown fields, kept as read.
  Writer& extras(const nlohmann::json& extra, bool& first) {
    if (!extra.is_object()) return *this;
    for (const auto& [k, v] : extra.items()) key(k, first).raw(v.dump());
    return *this;
  }

  void flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

 private:
  static constexpr std::size_t kFlushAt = 1 << 16;
  std::ostream& out_;
  std::string buf_;
};

void write_date(Writer& w, const char* name, const std::optional<Date>& d, bool& first) {
  if (d) w.key(name, first).str(to_iso(*d));
}

void write_partnership(Writer& w, const Register& reg, const Partnership& p) {
  bool first = true;
  w.raw("{");
  w.key("id", first).str(p.id);
  w.key("name", first).str(p.name);
  w.key("nature", first).str(to_string(p.nature));
  w.key("members", first).raw("[");
  for (std::size_t i = 0; i < p.members.size(); ++i) {
    const Member& m = p.members[i];
    bool f = true;
    w.raw(i ? ", {" : "{");
    w.key("org", f).str(reg.organisations[m.org].id);
    w.key("role", f).str(to_string(m.role));
    w.extras(m.extra, f).raw("}");
  }
  w.raw("]");
  // Lists the format always has are written even when empty ("themes": [] says "none", on purpose).
  {
    w.key("commitments", first).raw("[");
    for (std::size_t i = 0; i < p.commitments.size(); ++i) {
      const Commitment& c = p.commitments[i];
      bool f = true;
      w.raw(i ? ", {" : "{");
      w.key("unit", f).str(reg.business_units[c.unit].id);
      w.key("hours", f).num(c.hours);
      if (!c.officer.empty()) w.key("officer", f).str(c.officer);
      w.extras(c.extra, f).raw("}");
    }
    w.raw("]");
  }
  {
    w.key("themes", first).raw("[");
    for (std::size_t i = 0; i < p.themes.size(); ++i) {
      if (i) w.raw(", ");
      w.str(reg.themes[p.themes[i]].id);
    }
    w.raw("]");
  }
  if (p.parent) w.key("parent", first).str(reg.partnerships[*p.parent].id);
  if (p.accountable_body) w.key("accountable_body", first).str(reg.organisations[*p.accountable_body].id);
  if (p.stage) w.key("stage", first).str(to_string(*p.stage));
  write_date(w, "start", p.start, first);
  write_date(w, "end", p.end, first);
  if (p.budget) {
    bool f = true;
    w.key("budget", first).raw("{");
    w.key("total", f).num(p.budget->total);
    w.key("council", f).num(p.budget->council);
    w.extras(p.budget->extra, f).raw("}");
  }
  if (p.posts) {
    bool f = true;
    w.key("posts", first).raw("{");
    w.key("permanent", f).integer(p.posts->permanent);
    write_date(w, "funded_until", p.posts->funded_until, f);
    w.extras(p.posts->extra, f).raw("}");
  }
  if (p.indicators) {
    w.key("indicators", first).raw("[");
    for (std::size_t i = 0; i < p.indicators->size(); ++i) {
      if (i) w.raw(", ");
      w.str((*p.indicators)[i]);
    }
    w.raw("]");
  }
  if (p.evaluation) w.key("evaluation", first).str(*p.evaluation);
  if (p.management) w.key("management", first).str(*p.management);
  if (p.exit_strategy) w.key("exit_strategy", first).str(to_string(*p.exit_strategy));
  if (p.risk) w.key("risk", first).str(to_string(*p.risk));
  write_date(w, "last_review", p.last_review, first);
  if (p.survey) {
    bool f = true;
    w.key("survey", first).raw("{");
    w.key("responses", f).integer(p.survey->responses);
    w.key("satisfied", f).integer(p.survey->satisfied);
    w.extras(p.survey->extra, f).raw("}");
  }
  w.extras(p.extra, first).raw("}");
}

// A top-level list, one entry a line.
template <typename Entry, typename WriteEntry>
void write_list(Writer& w, const char* name, const std::vector<Entry>& entries, WriteEntry write_entry) {
  w.raw(",\n  ").str(name).raw(": [");
  for (std::size_t i = 0; i < entries.size(); ++i) {
    w.raw(i ? ",\n    " : "\n    ");
    write_entry(entries[i]);
  }
  w.raw(entries.empty() ? "]" : "\n  ]");
}

}  // namespace

void save_register(std::ostream& out, const Register& reg) {
  Writer w(out);
  w.raw("{\n  \"format\": ").str(reg.format);
  w.raw(",\n  \"as_of\": ").str(to_iso(reg.as_of));
  w.raw(",\n  \"council\": ").str(reg.organisations.empty() ? "" : reg.organisations[reg.council].id);
  write_list(w, "themes", reg.themes, [&](const Theme& t) {
    bool f = true;
    w.raw("{");
    w.key("id", f).str(t.id);
    w.key("name", f).str(t.name);
    w.extras(t.extra, f).raw("}");
  });
  write_list(w, "business_units", reg.business_units, [&](const BusinessUnit& u) {
    bool f = true;
    w.raw("{");
    w.key("id", f).str(u.id);
    w.key("name", f).str(u.name);
    // 0 is how the model holds "capacity not recorded"; written as 0 it would read as a unit with no
    // time to give, so it is left out, as the format says (docs/design.md).
    if (u.capacity_hours > 0) w.key("capacity_hours", f).num(u.capacity_hours);
    w.extras(u.extra, f).raw("}");
  });
  write_list(w, "organisations", reg.organisations, [&](const Organisation& o) {
    bool f = true;
    w.raw("{");
    w.key("id", f).str(o.id);
    w.key("name", f).str(o.name);
    if (!o.sector.empty()) w.key("sector", f).str(o.sector);
    w.extras(o.extra, f).raw("}");
  });
  write_list(w, "partnerships", reg.partnerships,
             [&](const Partnership& p) { write_partnership(w, reg, p); });
  if (reg.extra.is_object())
    for (const auto& [k, v] : reg.extra.items()) w.raw(",\n  ").str(k).raw(": ").raw(v.dump());
  w.raw("\n}\n");
}

}  // namespace partnermap

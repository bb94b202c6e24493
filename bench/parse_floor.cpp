// The floor under `analyse`: how long reading a register's bytes takes, and parsing them with
// nlohmann/json's SAX interface into a handler that does nothing. `make bench` reports analyse as a
// multiple of this, so that the figure says how much of analyse is more than reading the file.
//
// Usage: partnermap_parse_floor read|parse FILE   (prints nothing; exit 0 when the file parsed)
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include <nlohmann/json.hpp>

namespace {

// Accepts every event and keeps nothing.
struct NullHandler : nlohmann::json_sax<nlohmann::json> {
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 || (std::strcmp(argv[1], "read") != 0 && std::strcmp(argv[1], "parse") != 0)) {
    std::cerr << "usage: partnermap_parse_floor read|parse FILE\n";
    return 2;
  }
  std::ifstream in(argv[2], std::ios::binary);
  if (!in) {
    std::cerr << argv[2] << ": cannot be read\n";
    return 2;
  }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (std::strcmp(argv[1], "read") == 0) return text.empty() ? 1 : 0;
  NullHandler handler;
  return nlohmann::json::sax_parse(text, &handler) ? 0 : 1;
}

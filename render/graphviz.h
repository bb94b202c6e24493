// Ownership of Graphviz's C handles, and its messages as the tool's own.
//
// Graphviz is not thread-safe (cgraph not even for reads) and its message handler is process-wide:
// every call here must come from one thread. Free order matters: a laid-out graph frees its layout
// before the graph, and every graph goes before the context; GvGraph remembers the context that laid
// it out so its destructor can keep that order.
#pragma once

#include <string>
#include <utility>
#include <vector>

// Graphviz 2.42's headers are not warning-free under -Wpedantic; they are not ours to fix.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#include <cgraph.h>
#include <gvc.h>
#pragma GCC diagnostic pop

namespace partnermap::render {

// Graphviz 2.42 takes char* everywhere and never writes through it; one cast, here.
inline char* gv_str(const std::string& s) { return const_cast<char*>(s.c_str()); }
inline char* gv_str(const char* s) { return const_cast<char*>(s); }

class GvContext {
 public:
  // Finds the layout and render plugins through the config file `dot -c` writes. Throws when the
  // context cannot be made.
  GvContext();
  ~GvContext();
  GvContext(const GvContext&) = delete;
  GvContext& operator=(const GvContext&) = delete;
  GvContext(GvContext&& o) noexcept : gvc_(std::exchange(o.gvc_, nullptr)) {}
  GvContext& operator=(GvContext&&) = delete;
  GVC_t* get() const { return gvc_; }

 private:
  GVC_t* gvc_;
};

// The process's one Graphviz context, made on first use and kept to the end. Graphviz 2.42's pango
// plugin remembers the last font it measured by a pointer into the context's font table, so text
// measured after one context was freed and another made reads freed memory (AddressSanitizer:
// heap-use-after-free under textspan_size, on the second diagram of a run). One context for the
// whole run avoids it; it is never freed, so every graph goes before it, as the free order requires.
GvContext& process_context();

class GvGraph {
 public:
  GvGraph(const std::string& name, bool directed);
  ~GvGraph();
  GvGraph(const GvGraph&) = delete;
  GvGraph& operator=(const GvGraph&) = delete;
  GvGraph(GvGraph&& o) noexcept : g_(std::exchange(o.g_, nullptr)), laid_out_by_(std::exchange(o.laid_out_by_, nullptr)) {}
  GvGraph& operator=(GvGraph&&) = delete;

  Agraph_t* get() const { return g_; }
  // Lays the graph out with `engine` ("dot", "neato", "sfdp"...); throws when Graphviz cannot.
  void layout(GvContext& gvc, const std::string& engine);
  bool laid_out() const { return laid_out_by_ != nullptr; }

 private:
  Agraph_t* g_;
  GVC_t* laid_out_by_ = nullptr;
};

// Collects what Graphviz would print to stderr while it is alive, so the tool can say it in its own
// words. Graphviz's handler has no user pointer: the active collector sits in a thread_local, which
// is the only place this library keeps state between calls.
class GraphvizMessages {
 public:
  GraphvizMessages();
  ~GraphvizMessages();
  GraphvizMessages(const GraphvizMessages&) = delete;
  GraphvizMessages& operator=(const GraphvizMessages&) = delete;

  // The complete messages so far, one a line, without Graphviz's "Warning: "/"Error: " prefix.
  std::vector<std::string> take();

  // Takes a piece of a message: Graphviz's error handler, and the capture of what its bitmap
  // renderers print straight to stderr. Without an active collector the piece is dropped.
  static int sink(char* fragment);

 private:
  std::string buffer_;
  agusererrf previous_handler_;
  GraphvizMessages* previous_;
};

// Attribute setting with the casts in one place. `agsafeset` declares the attribute (default
// empty) the first time it is used in a graph.
inline void gv_set(void* obj, const char* name, const std::string& value) {
  agsafeset(obj, gv_str(name), gv_str(value), gv_str(""));
}
// Sets an HTML-like label: `html` must be well-formed and every piece of register text in it
// XML-escaped (html_escape) by the caller.
void gv_set_html(Agraph_t* root, void* obj, const char* name, const std::string& html);

// Renders a laid-out graph in `format` ("svg", "png", "pdf", "dot") to memory. There is no form
// that writes a file: Graphviz gives up silently when a write fails, so files go through the CLI's writer.
std::string gv_render_data(GvContext& gvc, GvGraph& g, const char* format);

}  // namespace partnermap::render

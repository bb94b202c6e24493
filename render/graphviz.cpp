#include "graphviz.h"

#include <cstdio>
#include <stdexcept>
#include <string>

#include <unistd.h>

namespace partnermap::render {

namespace {
thread_local GraphvizMessages* t_messages = nullptr;
}

GvContext::GvContext() : gvc_(gvContext()) {
  if (!gvc_) throw std::runtime_error("could not start Graphviz");
}

GvContext::~GvContext() {
  if (gvc_) gvFreeContext(gvc_);
}

GvContext& process_context() {
  static GvContext* const context = new GvContext();  // never deleted: see the header
  return *context;
}

GvGraph::GvGraph(const std::string& name, bool directed)
    : g_(agopen(gv_str(name), directed ? Agdirected : Agundirected, nullptr)) {
  if (!g_) throw std::runtime_error("Graphviz could not start a graph");
}

GvGraph::~GvGraph() {
  if (laid_out_by_) gvFreeLayout(laid_out_by_, g_);
  if (g_) agclose(g_);
}

void GvGraph::layout(GvContext& gvc, const std::string& engine) {
  if (laid_out_by_) {
    gvFreeLayout(laid_out_by_, g_);
    laid_out_by_ = nullptr;
  }
  if (gvLayout(gvc.get(), g_, engine.c_str()) != 0)
    throw std::runtime_error("Graphviz could not lay out the diagram with \"" + engine +
                             "\". If it says the layout type is not recognized, its plugins are not set up on this "
                             "computer: run `dot -c` as root (`make deps` does).");
  laid_out_by_ = gvc.get();
}

GraphvizMessages::GraphvizMessages() : previous_handler_(agseterrf(&GraphvizMessages::sink)), previous_(t_messages) {
  agseterr(AGWARN);  // warnings too, not only errors
  t_messages = this;
}

GraphvizMessages::~GraphvizMessages() {
  agseterrf(previous_handler_);
  t_messages = previous_;
}

int GraphvizMessages::sink(char* fragment) {
  // Graphviz hands a message over in pieces ("Warning", ": ", "text\n"); join them here.
  if (t_messages && fragment) t_messages->buffer_ += fragment;
  return 0;
}

std::vector<std::string> GraphvizMessages::take() {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (true) {
    const std::size_t nl = buffer_.find('\n', start);
    if (nl == std::string::npos) break;
    std::string line = buffer_.substr(start, nl - start);
    start = nl + 1;
    for (const char* prefix : {"Warning: ", "Error: ", "Warning:", "Error:"})
      if (line.rfind(prefix, 0) == 0) {
        line.erase(0, std::string(prefix).size());
        break;
      }
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (!line.empty()) lines.push_back(line);
  }
  buffer_.erase(0, start);
  return lines;
}

void gv_set_html(Agraph_t* root, void* obj, const char* name, const std::string& html) {
  char* label = agstrdup_html(root, gv_str(html));
  agsafeset(obj, gv_str(name), label, gv_str(""));
  agstrfree(root, label);  // agsafeset keeps its own reference
}

namespace {

// Graphviz's bitmap renderers print some warnings straight to stderr rather than through agerr
// ("(null): graph is too large for cairo-renderer bitmaps. Scaling by 0.13 to fit"). While one
// renders, stderr goes to a temporary file, and what was printed joins the captured messages so that
// the tool reports it in its own words. Graphviz runs on one thread, so nothing else is writing.
class StderrCapture {
 public:
  StderrCapture() {
    std::fflush(stderr);
    file_ = std::tmpfile();
    saved_ = dup(STDERR_FILENO);
    if (file_ && saved_ >= 0) dup2(fileno(file_), STDERR_FILENO);
  }
  ~StderrCapture() {
    std::fflush(stderr);
    if (saved_ >= 0) {
      dup2(saved_, STDERR_FILENO);
      close(saved_);
    }
    if (!file_) return;
    std::string text;
    std::rewind(file_);
    char buf[512];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, file_)) > 0) text.append(buf, n);
    std::fclose(file_);
    for (const char* prefix : {"(null): ", "dot: "})
      for (std::size_t at; (at = text.find(prefix)) != std::string::npos;) text.erase(at, std::string(prefix).size());
    if (!text.empty()) GraphvizMessages::sink(text.data());
  }
  StderrCapture(const StderrCapture&) = delete;
  StderrCapture& operator=(const StderrCapture&) = delete;

 private:
  std::FILE* file_ = nullptr;
  int saved_ = -1;
};

}  // namespace

std::string gv_render_data(GvContext& gvc, GvGraph& g, const char* format) {
  char* data = nullptr;
  unsigned int length = 0;
  int failed;
  {
    StderrCapture capture;
    failed = gvRenderData(gvc.get(), g.get(), format, &data, &length);
  }
  if (failed != 0 || !data) {
    if (data) gvFreeRenderData(data);
    throw std::runtime_error(std::string("Graphviz could not draw the diagram as ") + format);
  }
  std::string out(data, length);
  gvFreeRenderData(data);
  return out;
}

}  // namespace partnermap::render

#include "partnermap/history.h"

#include <filesystem>
#include <memory>

#include <git2.h>

#include "partnermap/problem.h"

namespace partnermap {

namespace fs = std::filesystem;

namespace {

// libgit2's objects, each freed by its own function.
template <typename T, void (*Free)(T*)>
struct Owned {
  T* p = nullptr;
  Owned() = default;
  Owned(const Owned&) = delete;
  Owned& operator=(const Owned&) = delete;
  ~Owned() {
    if (p) Free(p);
  }
};

struct Library {
  Library() { git_libgit2_init(); }
  ~Library() { git_libgit2_shutdown(); }
  Library(const Library&) = delete;
  Library& operator=(const Library&) = delete;
};

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  const git_error* e = git_error_last();
  std::string message = what;
  if (e && e->message) message += std::string(" (git: ") + e->message + ")";
  throw InputError({{Severity::error, path, message}});
}

}  // namespace

std::vector<RegisterVersion> register_history(const std::string& path) {
  Library library;
  std::error_code ec;
  const fs::path file = fs::weakly_canonical(fs::absolute(path), ec);
  Owned<git_repository, git_repository_free> repo;
  if (git_repository_open_ext(&repo.p, file.parent_path().c_str(), 0, nullptr) != 0)
    fail(path, "is not in a git repository: --git reads the versions of a register committed to git; give snapshot files instead, or commit the register to a repository");
  const char* workdir = git_repository_workdir(repo.p);
  if (!workdir) fail(path, "is in a bare git repository, which has no working files: give the register's path in a clone");
  const fs::path root = fs::weakly_canonical(fs::path(workdir), ec);
  const std::string relative = file.lexically_relative(root).generic_string();
  if (relative.empty() || relative.rfind("..", 0) == 0) fail(path, "is outside the git repository that holds its folder");

  Owned<git_revwalk, git_revwalk_free> walk;
  if (git_revwalk_new(&walk.p, repo.p) != 0) fail(path, "could not read the repository's history");
  git_revwalk_sorting(walk.p, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME | GIT_SORT_REVERSE);
  if (git_revwalk_push_head(walk.p) != 0) fail(path, "the repository has no commits yet: commit the register first");
  std::vector<RegisterVersion> out;
  git_oid oid, last_blob;
  bool have_last = false;
  while (git_revwalk_next(&oid, walk.p) == 0) {
    Owned<git_commit, git_commit_free> commit;
    Owned<git_tree, git_tree_free> tree;
    Owned<git_tree_entry, git_tree_entry_free> entry;
    if (git_commit_lookup(&commit.p, repo.p, &oid) != 0 || git_commit_tree(&tree.p, commit.p) != 0)
      fail(path, "could not read a commit of the repository");
    if (git_tree_entry_bypath(&entry.p, tree.p, relative.c_str()) != 0) continue;  // not in this commit
    if (git_tree_entry_type(entry.p) != GIT_OBJECT_BLOB) continue;
    const git_oid* blob_id = git_tree_entry_id(entry.p);
    if (have_last && git_oid_equal(blob_id, &last_blob)) continue;  // unchanged by this commit
    git_oid_cpy(&last_blob, blob_id);
    have_last = true;
    Owned<git_blob, git_blob_free> blob;
    if (git_blob_lookup(&blob.p, repo.p, blob_id) != 0) fail(path, "could not read a committed version");
    RegisterVersion v;
    char id[8];
    git_oid_tostr(id, sizeof id, &oid);
    v.commit = id;
    v.time = static_cast<std::int64_t>(git_commit_time(commit.p));
    v.text.assign(static_cast<const char*>(git_blob_rawcontent(blob.p)), static_cast<std::size_t>(git_blob_rawsize(blob.p)));
    out.push_back(std::move(v));
  }
  if (out.empty()) fail(path, "was never committed to the repository (" + relative + "): commit it, or give snapshot files");
  return out;
}

}  // namespace partnermap

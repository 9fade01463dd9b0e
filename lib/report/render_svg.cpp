// render_svg: runs Graphviz's `dot -Tsvg` as a child process (see render_svg.hpp for why the
// program rather than libgvc). Input and output go through files in a private temporary
// directory, so no pipe can fill up or raise SIGPIPE whatever the program does.
#include "moat/report/render_svg.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "moat/core/error.hpp"

extern char** environ;

namespace moat::report {

namespace {

namespace fs = std::filesystem;

const char* const install_hint =
    "SVG needs Graphviz's `dot` program (on Debian: apt-get install graphviz); "
    "--format dot and --format mermaid work without it";

// A directory only this process uses, removed when the object goes.
class TemporaryDirectory {
 public:
  TemporaryDirectory() {
    std::string pattern = (fs::temp_directory_path() / "moat-svg-XXXXXX").string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (::mkdtemp(buffer.data()) == nullptr)
      throw Error(std::string("[moat.svg] cannot create a temporary directory: ") + std::strerror(errno));
    path_ = buffer.data();
  }
  ~TemporaryDirectory() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::string render_svg(const std::string& dot, const std::string& program) {
  TemporaryDirectory directory;
  fs::path input = directory.path() / "diagram.dot";
  fs::path output = directory.path() / "diagram.svg";
  fs::path errors = directory.path() / "errors.txt";
  {
    std::ofstream out(input, std::ios::binary);
    out << dot;
    if (!out) throw Error("[moat.svg] cannot write " + input.string());
  }

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errors.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::string output_option = "-o" + output.string();
  std::vector<std::string> args{program, "-Tsvg", output_option, input.string()};
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    throw Error("[moat.svg] cannot run \"" + program + "\" (" + std::strerror(spawned) + "): " + install_hint);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw Error(std::string("[moat.svg] waiting for \"") + program + "\" failed: " + std::strerror(errno));
  }
  // glibc's posix_spawnp reports a program it could not execute as exit status 127.
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
    throw Error("[moat.svg] cannot run \"" + program + "\": " + install_hint);
  std::string messages = read_file(errors);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw Error("[moat.svg] \"" + program + "\" failed (" +
                (WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status)) : std::string("killed by a signal")) +
                ")" + (messages.empty() ? std::string() : ": " + messages));
  }
  std::string svg = read_file(output);
  if (svg.find("<svg") == std::string::npos)
    throw Error("[moat.svg] \"" + program + "\" wrote no SVG" + (messages.empty() ? std::string() : ": " + messages));
  return svg;
}

}  // namespace moat::report

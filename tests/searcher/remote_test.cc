// Remote and stub databases: xapian-tcpsrv serves a test database on a loopback port, and the
// Searcher reaches it through "tcp:HOST:PORT" and through stub files.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <optional>
#include <thread>

#include "searcher/searcher.h"
#include "test_database.h"

extern char** environ;

using arkiv::testing::request;
using arkiv::testing::sorted_ids;

namespace {

// A port on the loopback interface that the kernel reports free (it may be taken again before
// the server binds it; the server start is then retried on another port).
int free_port() {
  const int socket_fd = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(socket_fd >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  const bool bound = bind(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                     getsockname(socket_fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
  close(socket_fd);
  REQUIRE(bound);
  return ntohs(address.sin_port);
}

// xapian-tcpsrv over one database, stopped by the destructor.
class TcpServer {
 public:
  explicit TcpServer(const std::string& database) {
    for (int attempt = 0; attempt < 3 && !pid_; ++attempt) start(database, free_port());
    REQUIRE(pid_);
  }
  ~TcpServer() {
    if (!pid_) return;
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
  std::string spec() const { return "tcp:127.0.0.1:" + std::to_string(port_); }
  int port() const { return port_; }

 private:
  void start(const std::string& database, int port) {
    const std::string port_text = std::to_string(port);
    std::vector<std::string> arguments{"xapian-tcpsrv", "--interface", "127.0.0.1", "--port", port_text, database};
    std::vector<char*> argv;
    for (auto& argument : arguments) argv.push_back(argument.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    // Its own process group: on SIGTERM xapian-tcpsrv signals its whole group (its connection
    // children), which must not include this test.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
    pid_t pid = 0;
    const int error = posix_spawnp(&pid, "xapian-tcpsrv", &actions, &attributes, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    REQUIRE(error == 0);
    // Ready when a connection is accepted; gone when the port was taken in the meantime.
    for (int wait = 0; wait < 500; ++wait) {
      if (waitpid(pid, nullptr, WNOHANG) == pid) return;
      if (accepts(port)) {
        pid_ = pid;
        port_ = port;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    kill(pid, SIGTERM);
    waitpid(pid, nullptr, 0);
  }

  static bool accepts(int port) {
    const int socket_fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool connected = connect(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    close(socket_fd);
    return connected;
  }

  pid_t pid_ = 0;
  int port_ = 0;
};

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
}

}  // namespace

TEST_CASE("a database served by xapian-tcpsrv is searched through tcp:HOST:PORT") {
  arkiv::testing::TempFolder folder;
  const auto db = (folder.path() / "db").string();
  arkiv::testing::write_database(db, arkiv::testing::standard_sections());
  TcpServer server(db);
  arkiv::Searcher searcher({server.spec()});
  auto search = request("sygehus");
  search.facets = {"org", "topic"};
  const auto result = searcher.search(search);
  CHECK(sorted_ids(result) == std::vector<std::string>{"b-0", "c-0"});
  REQUIRE_FALSE(result.hits.empty());
  CHECK(result.hits.front().snippet.find("<mark>") != std::string::npos);
  REQUIRE(result.facets.size() == 2);
  CHECK_FALSE(result.facets[1].values.empty());
  CHECK(searcher.show("a-1").has_value());
  CHECK_NOTHROW(searcher.search(request("sengepladsr")));  // no spelling data remotely: no error
}

TEST_CASE("a remote database and a local one are searched as one") {
  arkiv::testing::TempFolder folder;
  auto sections = arkiv::testing::standard_sections();
  arkiv::testing::write_database(folder.path() / "remote", {sections[2]});
  arkiv::testing::write_database(folder.path() / "local", {sections[4]});
  TcpServer server((folder.path() / "remote").string());
  arkiv::Searcher searcher({server.spec(), (folder.path() / "local").string()});
  CHECK(sorted_ids(searcher.search(request("sygehus"))) == std::vector<std::string>{"b-0", "c-0"});
}

TEST_CASE("stub database files name local and remote databases") {
  arkiv::testing::TempFolder folder;
  auto sections = arkiv::testing::standard_sections();
  arkiv::testing::write_database(folder.path() / "one", {sections[2]});
  arkiv::testing::write_database(folder.path() / "two", {sections[4]});
  TcpServer server((folder.path() / "two").string());
  write_file(folder.path() / "shards.stub",
             "auto " + (folder.path() / "one").string() + "\nremote 127.0.0.1:" + std::to_string(server.port()) + "\n");
  arkiv::Searcher searcher({(folder.path() / "shards.stub").string()});
  CHECK(sorted_ids(searcher.search(request("sygehus"))) == std::vector<std::string>{"b-0", "c-0"});
}

TEST_CASE("a remote address where nothing listens is an IoError naming it") {
  const auto spec = "tcp:127.0.0.1:" + std::to_string(free_port());
  try {
    arkiv::Searcher searcher({spec});
    FAIL("opened");
  } catch (const arkiv::IoError& error) {
    CHECK(std::string(error.what()).find(spec) != std::string::npos);
  }
}

package io.tributary.gateway.cli;

import java.io.FileNotFoundException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code curl} command of the README, as curl would send it: the options the README uses
 * ({@code -s}, {@code -X}, {@code -H}, {@code --data-binary}), anything else refused so that an
 * example this class cannot send fails instead of being sent differently.
 *
 * @param method the HTTP method ({@code -X}, else GET, or POST with a body)
 * @param url the URL as written, {@code http://} added when it names no scheme
 * @param headers {@code -H} values, {@code Name: value}
 * @param body the {@code --data-binary} file, if any
 */
record CurlCall(String method, URI url, List<String> headers, Path body) {

  /** Parses {@code command}; a {@code @file} body is read relative to {@code directory}. */
  static CurlCall parse(String command, Path directory) {
    List<String> words = words(command);
    if (!words.get(0).equals("curl")) {
      throw new IllegalArgumentException("not a curl command: " + command);
    }
    String method = null;
    String url = null;
    Path body = null;
    List<String> headers = new ArrayList<>();
    for (int i = 1; i < words.size(); i++) {
      String word = words.get(i);
      switch (word) {
        case "-s", "--silent" -> { }
        case "-X", "--request" -> method = words.get(++i);
        case "-H", "--header" -> headers.add(words.get(++i));
        case "--data-binary" -> {
          String data = words.get(++i);
          if (!data.startsWith("@")) {
            throw new IllegalArgumentException("only --data-binary @<file> is supported: " + command);
          }
          body = directory.resolve(data.substring(1));
        }
        default -> {
          if (word.startsWith("-") || url != null) {
            throw new IllegalArgumentException("`" + word + "` is not an option this test sends: " + command);
          }
          url = word.contains("://") ? word : "http://" + word;
        }
      }
    }
    if (url == null) {
      throw new IllegalArgumentException("no URL: " + command);
    }
    return new CurlCall(method != null ? method : body != null ? "POST" : "GET", URI.create(url), headers, body);
  }

  /** The request, sent to {@code port} on loopback instead of the port the README names. */
  HttpRequest request(int port) throws FileNotFoundException {
    URI target = URI.create("http://127.0.0.1:" + port + url.getRawPath()
        + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
    HttpRequest.Builder request = HttpRequest.newBuilder(target).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofFile(body));
    headers.forEach(header -> request.header(header.substring(0, header.indexOf(':')).trim(),
        header.substring(header.indexOf(':') + 1).trim()));
    return request.build();
  }

  /** A command line split into words as a POSIX shell splits it: blanks separate, quotes group. */
  static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (char ch : command.toCharArray()) {
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        } else {
          word.append(ch);
        }
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
        word = word == null ? new StringBuilder() : word;
      } else if (Character.isWhitespace(ch)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(ch);
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unbalanced quote: " + command);
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }
}

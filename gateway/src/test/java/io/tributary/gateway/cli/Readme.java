package io.tributary.gateway.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** README.md as the tests read it: its fenced examples, its SQL statements and its tables. */
final class Readme {
  static final Path FILE = DemoGateway.HOME.resolve("README.md");
  private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");

  /** One fenced block: its language tag, where it starts (1-based) and its text. */
  record Block(String language, int line, String text) {}

  /** One example statement or command and the README line it is on, for failure messages. */
  record Example(int line, String text) {
    @Override
    public String toString() {
      return "README.md line " + line + ": " + text;
    }
  }

  private final List<String> lines;

  private Readme(List<String> lines) {
    this.lines = lines;
  }

  static Readme load() throws IOException {
    return new Readme(Files.readAllLines(FILE));
  }

  List<Block> blocks(String language) {
    return blocks().stream().filter(block -> block.language().equals(language)).toList();
  }

  /** Every fenced block, in order. */
  List<Block> blocks() {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        continue;
      }
      int start = i + 1;
      int end = start;
      while (end < lines.size() && !lines.get(end).startsWith("```")) {
        end++;
      }
      blocks.add(new Block(open.group(1), start + 1, String.join("\n", lines.subList(start, end))));
      i = end;
    }
    return blocks;
  }

  /** Every statement of the {@code sql} blocks, comments removed, without its semicolon. */
  List<Example> sqlStatements() {
    List<Example> statements = new ArrayList<>();
    for (Block block : blocks("sql")) {
      StringBuilder statement = new StringBuilder();
      int startLine = -1;
      List<String> blockLines = block.text().lines().toList();
      for (int i = 0; i < blockLines.size(); i++) {
        String code = blockLines.get(i).replaceFirst("--.*$", "");
        for (String part : code.split("(?<=;)", -1)) {
          if (!part.isBlank() && startLine < 0) {
            startLine = block.line() + i;
          }
          statement.append(part.endsWith(";") ? part.substring(0, part.length() - 1) : part).append(' ');
          if (part.endsWith(";")) {
            statements.add(new Example(startLine, statement.toString().trim().replaceAll("\\s+", " ")));
            statement.setLength(0);
            startLine = -1;
          }
        }
      }
      if (!statement.toString().isBlank()) {
        throw new AssertionError("README.md line " + startLine + ": an SQL example without its closing `;`");
      }
    }
    return statements;
  }

  /** Every command of the {@code sh} blocks, without the comment after it. */
  List<Example> shellCommands() {
    List<Example> commands = new ArrayList<>();
    for (Block block : blocks("sh")) {
      List<String> blockLines = block.text().lines().toList();
      for (int i = 0; i < blockLines.size(); i++) {
        String command = blockLines.get(i).replaceFirst("\\s+#.*$", "").trim();
        if (!command.isEmpty()) {
          commands.add(new Example(block.line() + i, command));
        }
      }
    }
    return commands;
  }

  /** The rows of the first table after the heading {@code heading}, each as its cells, header and rule left out. */
  List<List<String>> table(String heading) {
    int at = lines.indexOf(heading);
    if (at < 0) {
      throw new AssertionError("README.md has no heading `" + heading + "`");
    }
    while (at < lines.size() && !lines.get(at).startsWith("|")) {
      at++;
    }
    List<List<String>> rows = new ArrayList<>();
    for (int i = at + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      String row = lines.get(i).trim();
      rows.add(Arrays.stream(row.substring(1, row.length() - 1).split("(?<!\\\\)\\|")).map(String::trim).toList());
    }
    return rows;
  }

  /** The first line containing {@code text}. */
  String lineWith(String text) {
    return lines.stream().filter(line -> line.contains(text)).findFirst()
        .orElseThrow(() -> new AssertionError("README.md has no line with `" + text + "`"));
  }

  String text() {
    return String.join("\n", lines);
  }
}

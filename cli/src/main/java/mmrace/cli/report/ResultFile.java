package mmrace.cli.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mmrace.cli.BadInput;

/**
 * Reads a results file (JSON Lines: one record per line, as {@code mmrace check --json}
 * writes). Blank lines are skipped; a damaged line is bad input naming the file and line, so
 * a truncated file (a run killed mid-write) says where it broke.
 */
public final class ResultFile {
    private ResultFile() {
    }

    public static List<Result> read(Path file) throws BadInput {
        List<Result> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(Result.parse(line, file + ":" + n));
                } catch (IllegalArgumentException e) {
                    throw new BadInput(e.getMessage());
                }
            }
        } catch (NoSuchFileException e) {
            throw new BadInput("no such results file: " + file);
        } catch (IOException e) {
            throw new BadInput("cannot read " + file + ": " + e.getMessage());
        }
        return out;
    }
}

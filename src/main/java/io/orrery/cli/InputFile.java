package io.orrery.cli;

import io.orrery.model.codec.SourceReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a document file for a command, refusing what is too large or not UTF-8 text before parsing it. */
final class InputFile {
    private InputFile() {}

    /**
     * The task in the file as a request; its errors (with file, line and column) or why it cannot be read go to
     * err, and the answer is then null.
     */
    static io.orrery.model.ExecutionRequest request(Path file, java.io.PrintWriter err) {
        String text;
        try {
            text = read(file);
        } catch (IOException e) {
            err.println("orrery: " + e.getMessage());
            return null;
        }
        var format = io.orrery.model.codec.Format.guess(file, text);
        var errors = ValidateCommand.check(text, format).stream()
                .filter(io.orrery.model.check.LocatedFinding::isError).toList();
        if (!errors.isEmpty()) {
            errors.forEach(f -> err.println(f.format(file.toString())));
            return null;
        }
        return io.orrery.model.codec.WireCodec.readAs(text, format, io.orrery.model.ExecutionRequest.class);
    }

    /** The text of the file; throws {@link IOException} with a message fit for a user. */
    static String read(Path file) throws IOException {
        try {
            if (Files.isDirectory(file)) {
                throw new IOException(file + " is a folder, not a file");
            }
            long size = Files.size(file);
            if (size > SourceReader.MAX_CHARS) {
                throw new IOException(file + " is " + size / (1024 * 1024) + " MiB, over the "
                        + SourceReader.MAX_CHARS / (1024 * 1024) + " MiB limit; refused");
            }
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text");
        }
    }
}

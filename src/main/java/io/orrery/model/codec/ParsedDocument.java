package io.orrery.model.codec;

import io.orrery.model.WireDocument;
import io.orrery.model.check.Finding;
import io.orrery.model.check.LocatedFinding;
import io.orrery.model.check.ParsedPointers;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One document as read: the model (empty when it could not be bound), the generation it was written in, the tree
 * of the newest shape, and what the reader noticed, each finding placeable in the source text.
 */
public final class ParsedDocument {
    private final SourceDocument source;
    private final Upgrader.Result upgraded;
    private final WireDocument document;
    private final List<Finding> findings;

    ParsedDocument(SourceDocument source, Upgrader.Result upgraded, WireDocument document, List<Finding> findings) {
        this.source = source;
        this.upgraded = upgraded;
        this.document = document;
        this.findings = List.copyOf(findings);
    }

    public Optional<WireDocument> document() {
        return Optional.ofNullable(document);
    }

    /** The generation the text was written in (the oldest one any part of it used). */
    public Dialect dialect() {
        return upgraded.dialect();
    }

    /** The document in the newest shape, as a tree. */
    public JsonNode tree() {
        return upgraded.tree();
    }

    /** What reading noticed: older or odd spellings it interpreted (warnings), or why the model could not be bound. */
    public List<Finding> findings() {
        return findings;
    }

    /** Places a finding about the newest-shape tree in the source text, with the field named as the user wrote it. */
    public LocatedFinding locate(Finding finding) {
        String sourcePointer = upgraded.origins().sourceOf(finding.pointer());
        return new LocatedFinding(finding.severity(), source.positionOf(sourcePointer), finding.message(),
                ParsedPointers.dotted(sourcePointer));
    }
}

package io.orrery.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The component kinds of the ExecutionBroker model, by family and name as the newest schema spells them.
 * {@link io.orrery.model.codec.Dialect} turns a kind into the URI each generation uses, and back.
 */
public enum Kind {
    DOCKER("executable", "docker-container", "uri:docker-container-1.0"),
    JUPYTER("executable", "jupyter-notebook", "uri:jupyter-notebook-1.0"),
    SINGULARITY("executable", "singularity-container", "uri:singular-container-1.0"),
    PYTHON("executable", "python-program", "uri:python-program-1.0"),
    ABSTRACT_EXECUTABLE("executable", "abstract-executable", null),
    SIMPLE_COMPUTE("compute", "simple-compute-resource", "uri:generic-compute"),
    ABSTRACT_COMPUTE("compute", "abstract-compute-resource", null),
    SIMPLE_STORAGE("storage", "simple-storage-resource", "uri:ephemeral-storage"),
    ABSTRACT_STORAGE("storage", "abstract-storage-resource", null),
    SIMPLE_VOLUME("volume", "simple-volume-mount", "uri:filesystem-mount"),
    ABSTRACT_VOLUME("volume", "abstract-volume-mount", null),
    SIMPLE_DATA("data", "simple-data-resource", "uri:simple-data-resource"),
    S3_DATA("data", "S3-data-resource", "uri:amazon-s3-storage"),
    RUCIO_DATA("data", "rucio-data-resource", "uri:rucio-storage"),
    IVOA_DATA("data", "ivoa-data-resource", null),
    SKAO_DATA("data", "skao-data-resource", null),
    ABSTRACT_DATA("data", "abstract-data-resource", null),
    MINMAX_COST("costs", "simple-minmax-float-cost", null),
    ABSTRACT_COST("costs", "abstract-cost-item", null),
    MINMAX_METRIC("metrics", "simple-minmax-float-metric", null),
    ABSTRACT_METRIC("metrics", "abstract-metric-item", null),
    SIMPLE_SESSION("session", "simple-execution-session", null),
    SCHEDULED_SESSION("session", "scheduled-execution-session", null),
    OFFER_SET("offerset", "execution-offerset", null);

    private final String family;
    private final String baseName;
    private final String draftUri;
    /** The newest URI, made once (every offer written names several kinds). */
    private final String uri;

    Kind(String family, String baseName, String draftUri) {
        this.family = family;
        this.baseName = baseName;
        this.draftUri = draftUri;
        this.uri = "https://www.purl.org/ivoa.net/Calycopis-openapi/schema/v1.0/kinds/" + family + "/" + baseName + ".yaml";
    }

    public String family() {
        return family;
    }

    public String baseName() {
        return baseName;
    }

    /**
     * The {@code uri:...} form that the 2023 draft of the standard used, if it had one; for {@link #PYTHON}, which
     * came later (the 2024 report), the form every generation before the newest writes.
     */
    public Optional<String> draftUri() {
        return Optional.ofNullable(draftUri);
    }

    /** A placeholder kind in a template: a user must replace it with a concrete kind before sending. */
    public boolean isTemplate() {
        return baseName.startsWith("abstract-") && this != ABSTRACT_COST && this != ABSTRACT_METRIC;
    }

    /** The newest URI of this kind. */
    public String uri() {
        return uri;
    }

    /** The kind with this family and base name, ignoring case. */
    public static Optional<Kind> find(String family, String baseName) {
        for (Kind k : values()) {
            if (k.family.equals(family) && k.baseName.toLowerCase(Locale.ROOT).equals(baseName.toLowerCase(Locale.ROOT))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The kind a 2023-draft {@code uri:...} names. */
    public static Optional<Kind> findDraft(String uri) {
        for (Kind k : values()) {
            if (uri.equals(k.draftUri)) {
                return Optional.of(k);
            }
        }
        return switch (uri) {
            case "uri:persistent-storage" -> Optional.of(SIMPLE_STORAGE);
            case "uri:python-program" -> Optional.of(PYTHON); // the 2024 report's spelling
            default -> Optional.empty();
        };
    }
}

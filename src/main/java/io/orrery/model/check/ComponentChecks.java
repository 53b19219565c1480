package io.orrery.model.check;

import io.orrery.model.DataResource;
import io.orrery.model.DockerContainer;
import io.orrery.model.DockerPort;
import io.orrery.model.Executable;
import io.orrery.model.IvoaData;
import io.orrery.model.JupyterNotebook;
import io.orrery.model.PythonProgram;
import io.orrery.model.RucioData;
import io.orrery.model.S3Data;
import io.orrery.model.SimpleData;
import io.orrery.model.SingularityContainer;
import io.orrery.model.SkaoData;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The fields each kind of component needs, and their values. */
public final class ComponentChecks {
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Set<String> PROTOCOLS = Set.of("UDP", "TCP", "HTTP", "HTTPS");

    private ComponentChecks() {}

    static void check(Components c, List<Finding> out) {
        String base = c.base();
        executable(c.executable(), base + "/executable", out);
        QuantityChecks.compute(c.compute(), base + "/compute", out);
        for (int i = 0; i < c.storageList().size(); i++) {
            QuantityChecks.storage(c.storageList().get(i), base + "/storage/" + i, out);
        }
        for (int i = 0; i < c.dataList().size(); i++) {
            data(c.dataList().get(i), base + "/data/" + i, out);
        }
    }

    private static void executable(Executable e, String p, List<Finding> out) {
        if (e instanceof DockerContainer d) {
            docker(d, p, out);
        } else if (e instanceof JupyterNotebook j) {
            url(j.location(), p + "/location", "notebook location", out);
        } else if (e instanceof PythonProgram py) {
            ProgramChecks.check(py, p, out);
        } else if (e instanceof SingularityContainer s) {
            url(s.location(), p + "/location", "image location", out);
        }
    }

    private static void docker(DockerContainer d, String p, List<Finding> out) {
        if (d.image() == null) {
            out.add(Finding.error(p + "/image", "no image: a container needs image.locations"));
            return;
        }
        if (d.image().locations() == null || d.image().locations().isEmpty()) {
            out.add(Finding.error(p + "/image/locations", "no image locations: give at least one, such as"
                    + " ghcr.io/owner/name:tag"));
        } else {
            for (int i = 0; i < d.image().locations().size(); i++) {
                String loc = d.image().locations().get(i);
                if (loc == null || loc.isBlank() || loc.contains(" ") || loc.contains("://")) {
                    out.add(Finding.error(p + "/image/locations/" + i, "'" + loc + "' is not an image reference"
                            + " (registry/namespace/name:tag, without a scheme)"));
                }
            }
        }
        String digest = d.image().digest();
        if (digest == null || digest.isBlank()) {
            out.add(Finding.warning(p + "/image", "no image digest: the image is not pinned, and some brokers"
                    + " (Calycopis) answer NO without one; add digest: sha256:<64 hex digits>"));
        } else if (!isDigest(digest)) {
            out.add(Finding.warning(p + "/image/digest", "'" + digest + "' is not a digest (sha256: and 64 lower-case"
                    + " hex digits): brokers that pin images will refuse it"));
        }
        if (Boolean.TRUE.equals(d.privileged())) {
            out.add(Finding.warning(p + "/privileged", "privileged containers are refused by most platforms"));
        }
        if (d.network() != null && d.network().ports() != null) {
            for (int i = 0; i < d.network().ports().size(); i++) {
                port(d.network().ports().get(i), p + "/network/ports/" + i, out);
            }
        }
    }

    /** Whether the text is a sha256 image digest. */
    public static boolean isDigest(String digest) {
        return digest != null && DIGEST.matcher(digest).matches();
    }

    private static void port(DockerPort port, String p, List<Finding> out) {
        Integer number = port.internal() == null ? null : port.internal().port();
        if (number == null) {
            out.add(Finding.error(p + "/internal", "a published port needs internal.port (some brokers fail with"
                    + " HTTP 500 without it)"));
        } else if (number < 1 || number > 65535) {
            out.add(Finding.error(p + "/internal/port", "port " + number + " is not between 1 and 65535"));
        }
        if (port.protocol() != null && !PROTOCOLS.contains(port.protocol())) {
            out.add(Finding.error(p + "/protocol", "protocol '" + port.protocol() + "' is not one of " + PROTOCOLS));
        }
        if (port.external() != null) {
            out.add(Finding.warning(p + "/external", "the external port is filled in by the broker; brokers refuse"
                    + " a request that sets it"));
        }
        if (port.path() != null && !port.path().startsWith("/")) {
            out.add(Finding.error(p + "/path", "the URL path '" + port.path() + "' must start with /"));
        }
    }

    private static void data(DataResource d, String p, List<Finding> out) {
        QuantityChecks.data(d, p, out);
        if (d instanceof SimpleData s) {
            url(s.location(), p + "/location", "data location", out);
        } else if (d instanceof S3Data s3) {
            required(s3.endpoint(), p + "/endpoint", "an S3 data resource needs the service endpoint", out);
            required(s3.bucket(), p + "/bucket", "an S3 data resource needs a bucket", out);
            if (s3.template() == null || s3.template().isBlank()) {
                out.add(Finding.warning(p, "no URL template: Calycopis answers NO to S3 data without one"));
            }
        } else if (d instanceof RucioData r) {
            if (r.rucio() == null) {
                out.add(Finding.error(p + "/rucio", "a Rucio data resource needs a rucio block (scope and object)"));
            } else {
                required(r.rucio().scope(), p + "/rucio/scope", "a Rucio object needs its scope", out);
                required(r.rucio().object(), p + "/rucio/object", "a Rucio object needs its name", out);
            }
        } else if (d instanceof IvoaData i) {
            if (i.ivoa() == null || i.ivoa().ivoid() == null || i.ivoa().ivoid().isBlank()) {
                out.add(Finding.error(p + "/ivoa", "an IVOA data resource needs ivoa.ivoid"));
            }
        } else if (d instanceof SkaoData s) {
            skao(s, p, out);
        }
    }

    private static void skao(SkaoData s, String p, List<Finding> out) {
        if (s.skao() == null) {
            out.add(Finding.error(p + "/skao", "an SKAO data resource needs a skao block"));
            return;
        }
        required(s.skao().namespace(), p + "/skao/namespace", "the data-lake namespace (Rucio scope) is missing", out);
        required(s.skao().objectname(), p + "/skao/objectname", "the data-lake object name is missing", out);
        if (s.skao().replicas() == null || s.skao().replicas().isEmpty()) {
            out.add(Finding.warning(p + "/skao", "no replicas listed: a broker cannot tell how far away the data are"));
        }
    }

    private static void required(String value, String p, String message, List<Finding> out) {
        if (value == null || value.isBlank()) {
            out.add(Finding.error(p, message));
        }
    }

    private static void url(String value, String p, String what, List<Finding> out) {
        if (value == null || value.isBlank()) {
            out.add(Finding.error(p, "the " + what + " is missing"));
            return;
        }
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null) {
                out.add(Finding.error(p, "the " + what + " '" + value + "' is not an absolute URL"));
            }
        } catch (URISyntaxException e) {
            out.add(Finding.error(p, "the " + what + " '" + value + "' is not a URL: " + e.getReason()));
        }
    }
}

package io.orrery.broker.offer;

import io.orrery.broker.platform.Platform;
import io.orrery.model.DataResource;
import io.orrery.model.IvoaData;
import io.orrery.model.Replica;
import io.orrery.model.RucioData;
import io.orrery.model.S3Data;
import io.orrery.model.SimpleData;
import io.orrery.model.SkaoData;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How long it takes to bring a data item to the platform: for each place the data can be fetched from (a URL's
 * host, an S3 endpoint, a Rucio service, each SKAO replica's storage element), the matching data site's latency plus
 * the size over its bandwidth; the fastest place wins.
 */
final class StagingModel {
    private static final double GIB = 1024.0 * 1024 * 1024;

    private StagingModel() {}

    /** A data item's staging time and the site it comes from, or empty if no site can reach it. */
    record Transfer(Duration time, String site, String source) {
    }

    static Optional<Transfer> transfer(DataResource data, Platform platform) {
        double bytes = sizeBytes(data, platform);
        Transfer best = null;
        for (String source : sources(data)) {
            Optional<Platform.DataSite> site = site(source, platform);
            if (site.isEmpty()) {
                continue;
            }
            double seconds = bytes / (site.get().bandwidth() * 1_000_000.0);
            Duration time = site.get().latency().plusSeconds((long) Math.ceil(seconds));
            if (best == null || time.compareTo(best.time()) < 0) {
                best = new Transfer(time, site.get().name(), source);
            }
        }
        return Optional.ofNullable(best);
    }

    /** Size in bytes: SKAO datasize, a DataLink content length, else the platform's default. */
    static double sizeBytes(DataResource data, Platform platform) {
        if (data instanceof SkaoData s && s.skao() != null && s.skao().datasize() != null) {
            return s.skao().datasize();
        }
        var ivoa = data instanceof IvoaData i ? i.ivoa() : data instanceof SkaoData s ? s.ivoa() : null;
        if (ivoa != null && ivoa.datalink() != null && ivoa.datalink().contentLength() != null) {
            return ivoa.datalink().contentLength();
        }
        return platform.preparation().defaultDataSize() * GIB;
    }

    /** GiB to reserve for a data item, rounded up. */
    static long sizeGiB(DataResource data, Platform platform) {
        return Math.max(1, (long) Math.ceil(sizeBytes(data, platform) / GIB));
    }

    static List<String> sources(DataResource data) {
        List<String> out = new ArrayList<>();
        if (data instanceof SimpleData s) {
            host(s.location()).ifPresent(out::add);
        } else if (data instanceof S3Data s3) {
            host(s3.endpoint()).ifPresent(out::add);
        } else if (data instanceof RucioData r && r.rucio() != null) {
            host(r.rucio().endpoint()).ifPresent(out::add);
        } else if (data instanceof IvoaData i && i.ivoa() != null) {
            if (i.ivoa().datalink() != null) {
                host(i.ivoa().datalink().accessUrl()).ifPresent(out::add);
            }
            if (i.ivoa().obscore() != null) {
                host(i.ivoa().obscore().accessUrl()).ifPresent(out::add);
            }
        } else if (data instanceof SkaoData s && s.skao() != null && s.skao().replicas() != null) {
            for (Replica r : s.skao().replicas()) {
                if (r.rsename() != null) {
                    out.add(r.rsename());
                }
                host(r.dataurl()).ifPresent(out::add);
            }
        }
        return out;
    }

    static Optional<Platform.DataSite> site(String source, Platform platform) {
        for (Platform.DataSite site : platform.preparation().sites()) {
            for (String pattern : site.match()) {
                if (matches(pattern, source)) {
                    return Optional.of(site);
                }
            }
        }
        return Optional.empty();
    }

    static boolean matches(String pattern, String source) {
        if (pattern.equals("*") || pattern.equalsIgnoreCase(source)) {
            return true;
        }
        if (pattern.startsWith("*.")) {
            return source.toLowerCase().endsWith(pattern.substring(1).toLowerCase());
        }
        if (pattern.endsWith(".*")) {
            return source.toLowerCase().startsWith(pattern.substring(0, pattern.length() - 1).toLowerCase());
        }
        return false;
    }

    private static Optional<String> host(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.trim());
            if ("file".equalsIgnoreCase(uri.getScheme())) {
                return Optional.of("localhost"); // a file on the broker's own machine
            }
            return Optional.ofNullable(uri.getHost());
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}

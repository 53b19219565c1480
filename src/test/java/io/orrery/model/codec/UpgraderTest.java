package io.orrery.model.codec;

import static io.orrery.model.codec.Trees.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.orrery.model.Kind;
import io.orrery.model.check.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each generation's spellings mapped onto the newest shape: the exact tree, the generation, the notes, the origins. */
class UpgraderTest {
    private static final String DOCKER = Kind.DOCKER.uri();

    private static Upgrader.Result upgrade(String text) {
        return Upgrader.upgrade(json(text));
    }

    private static void assertTree(String expected, Upgrader.Result r) {
        assertEquals(json(expected), r.tree());
    }

    @Test
    void aRootThatIsNoMappingIsCopied() {
        Upgrader.Result r = upgrade("[1, 'a']");
        assertTree("[1, 'a']", r);
        assertEquals(Dialect.NEWEST, r.dialect());
    }

    @Test
    void theDraftsRequest() {
        Upgrader.Result r = upgrade("{'request': {"
                + "'executable': {'type': 'uri:docker-container-1.0', 'name': 'x', 'spec': {'image': {'locations': ['a']}}},"
                + "'resources': {'compute': [{'type': 'uri:generic-compute', 'name': 'c', 'spec': {'cores': {'min': 2, 'max': 8},"
                + "   'volumes': [{'name': 'v', 'resource': 's', 'path': '/t', 'mode': 'rw'}, 'odd']}}],"
                + "  'storage': [{'type': 'uri:ephemeral-storage', 'name': 's', 'spec': {'size': {'min': 10}}}]},"
                + "'datetime': [{'start': 'S', 'duration': {'min': 'PT1H', 'max': 'PT4H'}}, {'start': 'T'}]}}");
        assertTree("{'executable': {'kind': 'K(DOCKER)', 'meta': {'name': 'x'}, 'image': {'locations': ['a']}},"
                + "'compute': {'kind': 'K(SIMPLE_COMPUTE)', 'meta': {'name': 'c'}, 'cores': {'min': 2, 'max': 8},"
                + "  'volumes': [{'kind': 'K(SIMPLE_VOLUME)', 'meta': {'name': 'v'}, 'resource': 's', 'path': '/t',"
                + "   'mode': 'READWRITE'}, 'odd']},"
                + "'storage': [{'kind': 'K(SIMPLE_STORAGE)', 'meta': {'name': 's'}, 'size': {'min': 10}}],"
                + "'schedule': {'requested': {'start': 'S', 'duration': 'PT1H', 'maxDuration': 'PT4H'}}}", r);
        assertEquals(Dialect.V2023, r.dialect());
        assertEquals(List.of(Finding.warning("/schedule", "only the first of 2 datetime entries is kept")), r.notes());
        Origins o = r.origins();
        assertEquals("/request/executable/spec/image/locations/0", o.sourceOf("/executable/image/locations/0"));
        assertEquals("/request/executable/name", o.sourceOf("/executable/meta/name"));
        assertEquals("/request/executable/type", o.sourceOf("/executable/kind"));
        assertEquals("/request/resources/compute/0/spec/volumes/0/mode", o.sourceOf("/compute/volumes/0/mode"));
        assertEquals("/request/resources/compute/0/spec/cores/max", o.sourceOf("/compute/cores/max"));
        assertEquals("/request/resources/storage/0/spec/size", o.sourceOf("/storage/0/size"));
        assertEquals("/request/datetime/0/duration/max", o.sourceOf("/schedule/requested/maxDuration"));
        assertEquals("/request/datetime/0/duration/min", o.sourceOf("/schedule/requested/duration"));
        assertEquals("/request/datetime/0/start", o.sourceOf("/schedule/requested/start"));
        assertEquals("/request/datetime", o.sourceOf("/schedule"));
        assertEquals("/request/other", o.sourceOf("/other"));
    }

    @Test
    void aSingleDatetimeWithoutMaximum() {
        Upgrader.Result r = upgrade("{'datetime': {'start': 'S', 'duration': {'min': 'PT1H'}}}");
        assertTree("{'schedule': {'requested': {'start': 'S', 'duration': 'PT1H'}}}", r);
        assertEquals(Dialect.V2023, r.dialect());
        assertEquals(List.of(), r.notes());
        assertEquals("/datetime/start", r.origins().sourceOf("/schedule/requested/start"));
        assertEquals("/datetime", r.origins().sourceOf("/schedule/requested"));
    }

    @Test
    void theDraftsResponseWithReasons() {
        Upgrader.Result r = upgrade("{'response': {'result': 'NO', 'reasons': [{'path': 'compute', 'text': 'no'}]}}");
        assertTree("{'result': 'NO', 'meta': {'messages': [{'kind': 'urn:orrery:draft-reason', 'level': 'WARN',"
                + " 'template': 'no', 'values': {'path': 'compute'}}]}}", r);
        assertEquals(Dialect.V2023, r.dialect());
        assertEquals("/response/reasons/0", r.origins().sourceOf("/meta/messages/0"));
    }

    @Test
    void aWrappedUpdate() {
        Upgrader.Result r = upgrade("{'update': {'type': 'uri:enum-value-update', 'path': 'phase', 'value': 'ACCEPTED'}}");
        assertTree("{'kind': 'uri:enum-value-update', 'path': 'phase', 'value': 'ACCEPTED'}", r);
        assertEquals(Dialect.V2025_10, r.dialect());
        assertEquals("/update/value", r.origins().sourceOf("/value"));
        Upgrader.Result kept = upgrade("{'kind': 'uri:enum-value-update', 'path': 'phase', 'update': {'a': 1}}");
        assertTree("{'kind': 'uri:enum-value-update', 'path': 'phase', 'update': {'a': 1}}", kept);
        assertEquals(Dialect.NEWEST, kept.dialect());
    }

    @Test
    void theSecond2025TopLevelVolumesMoveIntoTheCompute() {
        Upgrader.Result r = upgrade("{'executable': {'type': 'S25b(DOCKER)', 'uuid': 'u', 'name': 'e'},"
                + "'compute': {'type': 'S25b(SIMPLE_COMPUTE)', 'name': 'c', 'volumes': ['v1', 'v2']},"
                + "'volumes': [{'type': 'S25b(SIMPLE_VOLUME)', 'name': 'v1', 'path': '/p'}, {'name': 'v2'}]}");
        assertTree("{'executable': {'kind': 'K(DOCKER)', 'meta': {'uuid': 'u', 'name': 'e'}},"
                + "'compute': {'kind': 'K(SIMPLE_COMPUTE)', 'meta': {'name': 'c'}, 'volumes': ["
                + "  {'kind': 'K(SIMPLE_VOLUME)', 'meta': {'name': 'v1'}, 'path': '/p'}, {'name': 'v2'}]}}", r);
        assertEquals(Dialect.V2025_10, r.dialect());
        assertEquals(List.of(), r.notes());
        assertEquals("/volumes", r.origins().sourceOf("/compute/volumes"));
        assertEquals("/volumes/0/path", r.origins().sourceOf("/compute/volumes/0/path"));
        assertEquals("/volumes/1/name", r.origins().sourceOf("/compute/volumes/1/name"));
    }

    @Test
    void volumesWithoutAComputeStayWhereTheyAre() {
        Upgrader.Result r = upgrade("{'executable': {'kind': 'K(DOCKER)'}, 'volumes': [{'name': 'v'}]}");
        assertTree("{'executable': {'kind': 'K(DOCKER)'}, 'volumes': [{'name': 'v'}]}", r);
        assertEquals(Dialect.V2025_10, r.dialect());
    }

    @Test
    void theFirst2025ResourcesRangesAndStartLists() {
        Upgrader.Result r = upgrade("{'executable': {'type': 'S25a(DOCKER)', 'name': 'e'},"
                + "'resources': {'compute': [{'type': 'S25a(SIMPLE_COMPUTE)',"
                + "   'cores': {'requested': {'min': 1, 'max': 2}, 'offered': {'min': 1}}}, {'type': 'S25a(SIMPLE_COMPUTE)'}],"
                + "  'storage': [{'type': 'S25a(SIMPLE_STORAGE)', 'size': {'requested': {'min': 5}}}]},"
                + "'schedule': {'requested': {'start': ['A', 'B'], 'duration': 'PT1H'}, 'executing': {'start': 'X'}, 'x': 1}}");
        assertTree("{'executable': {'kind': 'K(DOCKER)', 'meta': {'name': 'e'}},"
                + "'compute': {'kind': 'K(SIMPLE_COMPUTE)', 'cores': {'min': 1, 'max': 2, 'offered': {'min': 1}}},"
                + "'storage': [{'kind': 'K(SIMPLE_STORAGE)', 'size': {'min': 5}}],"
                + "'schedule': {'requested': {'start': 'A', 'duration': 'PT1H'}, 'available': {'start': 'X'}, 'x': 1}}", r);
        assertEquals(Dialect.V2025_04, r.dialect());
        assertEquals(List.of(
                Finding.warning("/compute", "only the first of 2 compute resources is kept: newer formats have one"
                        + " compute resource per request"),
                Finding.warning("/schedule/requested/start", "only the first of 2 start intervals is kept: newer"
                        + " formats take one")), r.notes());
        Origins o = r.origins();
        assertEquals("/resources/compute/0/cores/requested/max", o.sourceOf("/compute/cores/max"));
        assertEquals("/resources/compute/0/cores/offered/min", o.sourceOf("/compute/cores/offered/min"));
        assertEquals("/resources/compute/0/cores", o.sourceOf("/compute/cores"));
        assertEquals("/resources/storage/0/size/requested/min", o.sourceOf("/storage/0/size/min"));
        assertEquals("/resources/storage", o.sourceOf("/storage"));
        assertEquals("/schedule/requested/start/0", o.sourceOf("/schedule/requested/start"));
        assertEquals("/schedule/requested/duration", o.sourceOf("/schedule/requested/duration"));
        assertEquals("/schedule/executing/start", o.sourceOf("/schedule/available/start"));
        assertEquals("/schedule", o.sourceOf("/schedule"));
    }

    @Test
    void oneComputeInAListAndEmptyLists() {
        Upgrader.Result one = upgrade("{'compute': [{'kind': 'K(SIMPLE_COMPUTE)', 'cores': {'min': 1}}],"
                + " 'schedule': {'requested': {'start': []}}}");
        assertTree("{'compute': {'kind': 'K(SIMPLE_COMPUTE)', 'cores': {'min': 1}},"
                + " 'schedule': {'requested': {'start': null}}}", one);
        assertEquals(Dialect.V2025_04, one.dialect());
        assertEquals(List.of(), one.notes());
        assertEquals("/compute/0/cores/min", one.origins().sourceOf("/compute/cores/min"));
        Upgrader.Result none = upgrade("{'resources': {'compute': []}, 'schedule': 'soon', 'storage': 'none'}");
        assertTree("{'schedule': 'soon', 'storage': 'none'}", none);
        assertEquals(Dialect.V2025_04, none.dialect());
        Upgrader.Result single = upgrade("{'resources': {'compute': {'kind': 'K(SIMPLE_COMPUTE)'}}}");
        assertTree("{'compute': {'kind': 'K(SIMPLE_COMPUTE)'}}", single);
        assertEquals("/resources/compute/kind", single.origins().sourceOf("/compute/kind"));
    }

    @Test
    void theFirst2025OfferSetWithASession() {
        Upgrader.Result r = upgrade("{'result': 'YES', 'offers': [{'type': 'S25a(SCHEDULED_SESSION)', 'state': 'READY',"
                + " 'executable': {'type': 'S25a(DOCKER)'},"
                + " 'resources': {'compute': [{'type': 'S25a(SIMPLE_COMPUTE)',"
                + "   'cores': {'requested': {'min': 1}, 'offered': {'min': 2, 'max': 2}}}]},"
                + " 'schedule': {'executing': {'start': 'S'}}}, 'odd']}");
        assertTree("{'result': 'YES', 'offers': [{'kind': 'K(SCHEDULED_SESSION)', 'phase': 'AVAILABLE',"
                + " 'executable': {'kind': 'K(DOCKER)'},"
                + " 'compute': {'kind': 'K(SIMPLE_COMPUTE)', 'cores': {'min': 2, 'max': 2, 'requested': {'min': 1}}},"
                + " 'schedule': {'available': {'start': 'S'}}}, 'odd']}", r);
        assertEquals(Dialect.V2025_04, r.dialect());
        Origins o = r.origins();
        assertEquals("/offers/0/state", o.sourceOf("/offers/0/phase"));
        assertEquals("/offers/0/resources/compute/0/cores/offered/max", o.sourceOf("/offers/0/compute/cores/max"));
        assertEquals("/offers/0/executable/type", o.sourceOf("/offers/0/executable/kind"));
        assertEquals("/offers/0/schedule/executing", o.sourceOf("/offers/0/schedule/available"));
    }

    @Test
    void legacyPhasesAreRenamedAndOthersKept() {
        assertTree("{'phase': 'INITIAL', 'executable': {'kind': 'K(DOCKER)'}}",
                upgrade("{'state': 'proposed', 'executable': {'kind': 'K(DOCKER)'}}"));
        assertTree("{'phase': 'WEIRD'}", upgrade("{'state': 'WEIRD'}"));
        assertTree("{'phase': 5}", upgrade("{'state': 5}"));
        Upgrader.Result newest = upgrade("{'kind': 'K(SCHEDULED_SESSION)', 'phase': 'READY'}");
        assertTree("{'kind': 'K(SCHEDULED_SESSION)', 'phase': 'READY'}", newest);
        assertEquals(Dialect.NEWEST, newest.dialect());
    }

    @Test
    void aSessionIsKnownByPhaseWithExecutableOrByKind() {
        // in a session the offered half of a range is the value
        String cores = "'cores': {'requested': {'min': 1}, 'offered': {'min': 2}}";
        assertTree("{'phase': 'OFFERED', 'executable': {}, 'compute': {'kind': 'K(SIMPLE_COMPUTE)', 'cores': {'min': 2,"
                + " 'requested': {'min': 1}}}}",
                upgrade("{'phase': 'OFFERED', 'executable': {}, 'compute': {'kind': 'K(SIMPLE_COMPUTE)', " + cores + "}}"));
        assertTree("{'kind': 'K(SCHEDULED_SESSION)', 'compute': {'kind': 'K(SIMPLE_COMPUTE)', 'cores': {'min': 2,"
                + " 'requested': {'min': 1}}}}",
                upgrade("{'kind': 'K(SCHEDULED_SESSION)', 'compute': {'kind': 'K(SIMPLE_COMPUTE)', " + cores + "}}"));
        assertTree("{'kind': 'K(SCHEDULED_SESSION)', 'compute': {'cores': {'min': 1}}}",
                upgrade("{'kind': 'K(SCHEDULED_SESSION)', 'compute': {'cores': {'requested': {'min': 1}}}}"));
        // in a request the requested half is
        assertTree("{'phase': 'OFFERED', 'compute': {'kind': 'K(SIMPLE_COMPUTE)', 'cores': {'min': 1,"
                + " 'offered': {'min': 2}}}}",
                upgrade("{'phase': 'OFFERED', 'compute': {'kind': 'K(SIMPLE_COMPUTE)', " + cores + "}}"));
        assertTree("{'compute': {'kind': 'K(SIMPLE_COMPUTE)', 'cores': {'min': 2}}}",
                upgrade("{'compute': {'kind': 'K(SIMPLE_COMPUTE)', 'cores': {'offered': {'min': 2}}}}"));
    }

    @Test
    void aSessionsNestedFieldsAreCopiedNotUpgraded() {
        Upgrader.Result r = upgrade("{'kind': 'K(SCHEDULED_SESSION)', 'compute': {'kind': 'K(SIMPLE_COMPUTE)',"
                + " 'executable': {'type': 'S25b(DOCKER)'}}, 'resources': 'none'}");
        assertTree("{'kind': 'K(SCHEDULED_SESSION)', 'compute': {'kind': 'K(SIMPLE_COMPUTE)',"
                + " 'executable': {'type': 'S25b(DOCKER)'}}, 'resources': 'none'}", r);
        assertEquals(Dialect.NEWEST, r.dialect());
    }

    @Test
    void anOfferSetIsKnownByItsKindAlone() {
        Upgrader.Result r = upgrade("{'kind': 'K(OFFER_SET)', 'meta': {'messages': [{'type': 'k'}]}}");
        assertTree("{'kind': 'K(OFFER_SET)', 'meta': {'messages': [{'kind': 'k'}]}}", r);
        assertEquals("/meta/messages/0/type", r.origins().sourceOf("/meta/messages/0/kind"));
        // a request's members are copied as they are
        assertTree("{'name': 'x', 'meta': {'messages': [{'type': 'k'}]}}",
                upgrade("{'name': 'x', 'meta': {'messages': [{'type': 'k'}]}}"));
    }

    @Test
    void kindsSpeltOddlyAreNotedAndOtherKindsKept() {
        String odd = "http://www.purl.org/ivoa.net/EB/schema/types/executable/docker-container-1.0";
        Upgrader.Result r = upgrade("{'executable': {'kind': '" + odd + "'}, 'compute': {'kind': 5},"
                + " 'storage': [{'kind': 'https://example.org/gpu'}, 3]}");
        assertTree("{'executable': {'kind': 'K(DOCKER)'}, 'compute': {'kind': 5},"
                + " 'storage': [{'kind': 'https://example.org/gpu'}, 3]}", r);
        assertEquals(Dialect.V2025_10, r.dialect());
        assertEquals(List.of(Finding.warning("/executable/kind", "kind '" + odd + "' is not spelt as any schema spells"
                + " it; read as " + DOCKER)), r.notes());
        assertEquals("/compute/kind", r.origins().sourceOf("/compute/kind"));
    }

    @Test
    void draftMountModes() {
        Upgrader.Result ro = upgrade("{'compute': {'kind': 'K(SIMPLE_COMPUTE)', 'volumes': [{'kind': 'K(SIMPLE_VOLUME)',"
                + " 'mode': 'ro'}]}}");
        assertTree("{'compute': {'kind': 'K(SIMPLE_COMPUTE)', 'volumes': [{'kind': 'K(SIMPLE_VOLUME)',"
                + " 'mode': 'READONLY'}]}}", ro);
        assertEquals(Dialect.V2023, ro.dialect());
        assertEquals("/compute/volumes/0/mode", ro.origins().sourceOf("/compute/volumes/0/mode"));
        Upgrader.Result rw = upgrade("{'compute': {'volumes': [{'mode': 'READWRITE'}, {'mode': 1}]}}");
        assertTree("{'compute': {'volumes': [{'mode': 'READWRITE'}, {'mode': 1}]}}", rw);
        assertEquals(Dialect.NEWEST, rw.dialect());
    }

    @Test
    void legacyVolumeResourcesBecomeOneResource() {
        Upgrader.Result r = upgrade("{'compute': {'type': 'S25b(SIMPLE_COMPUTE)', 'volumes': ["
                + "{'name': 'a', 'resources': ['s1', 's2']}, {'name': 'b', 'resources': ['s3']},"
                + "{'name': 'c', 'resources': []}, {'name': 'd', 'resources': 'x'}]}}");
        assertTree("{'compute': {'kind': 'K(SIMPLE_COMPUTE)', 'volumes': ["
                + "{'kind': 'K(SIMPLE_VOLUME)', 'meta': {'name': 'a'}, 'resource': 's1', 'resources': ['s1', 's2']},"
                + "{'kind': 'K(SIMPLE_VOLUME)', 'meta': {'name': 'b'}, 'resource': 's3'},"
                + "{'kind': 'K(SIMPLE_VOLUME)', 'meta': {'name': 'c'}, 'resource': null},"
                + "{'kind': 'K(SIMPLE_VOLUME)', 'meta': {'name': 'd'}, 'resources': 'x'}]}}", r);
        assertEquals("/compute/volumes/1/resources/0", r.origins().sourceOf("/compute/volumes/1/resource"));
        assertEquals("/compute/volumes/0/resources/1", r.origins().sourceOf("/compute/volumes/0/resources/1"));
    }

    @Test
    void theWrappersAloneNameTheirGeneration() {
        Upgrader.Result request = upgrade("{'request': {'executable': {'kind': 'K(DOCKER)'}}}");
        assertTree("{'executable': {'kind': 'K(DOCKER)'}}", request);
        assertEquals(Dialect.V2023, request.dialect());
        assertEquals("/request/executable", request.origins().sourceOf("/executable"));
        Upgrader.Result update = upgrade("{'update': {'kind': 'uri:enum-value-update', 'path': 'phase'}}");
        assertTree("{'kind': 'uri:enum-value-update', 'path': 'phase'}", update);
        assertEquals(Dialect.V2025_10, update.dialect());
    }

    @Test
    void anUpdatesMetaIsUpgradedLikeAComponents() {
        assertTree("{'kind': 'uri:enum-value-update', 'path': 'a', 'meta': {'messages': [{'kind': 't'}]}}",
                upgrade("{'kind': 'uri:enum-value-update', 'path': 'a', 'meta': {'messages': [{'type': 't'}]}}"));
    }

    @Test
    void anUpdateWithADraftKindAndAPath() {
        Upgrader.Result r = upgrade("{'kind': 'uri:string-value-update', 'path': 'a', 'value': 'b'}");
        assertTree("{'kind': 'uri:string-value-update', 'path': 'a', 'value': 'b'}", r);
        assertEquals(Dialect.NEWEST, r.dialect());
    }
}

package io.orrery.model.codec;

import static io.orrery.model.codec.Trees.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Newest-shape trees in the words of each older generation: the exact tree written. */
class DowngraderTest {
    private static void assertDown(String expected, String newest, Dialect dialect) {
        JsonNode source = json(newest);
        assertEquals(json(expected), Downgrader.downgrade(source, dialect));
        assertEquals(json(newest), source, "the source tree is left as it was");
    }

    @Test
    void theNewestAndNonMappingsAreReturnedAsTheyAre() {
        JsonNode tree = json("{'executable': {'kind': 'K(DOCKER)'}}");
        assertSame(tree, Downgrader.downgrade(tree, Dialect.NEWEST));
        JsonNode list = json("[1]");
        assertSame(list, Downgrader.downgrade(list, Dialect.V2023));
    }

    @Test
    void updatesAreWrappedInLegacyGenerations() {
        String update = "{'kind': 'uri:enum-value-update', 'path': 'phase', 'value': 'ACCEPTED'}";
        assertDown("{'update': {'type': 'uri:enum-value-update', 'path': 'phase', 'value': 'ACCEPTED'}}", update,
                Dialect.V2025_10);
        assertDown(update, update, Dialect.V2026_05);
    }

    @Test
    void aRequestIn2026_05() {
        assertDown("{'executable': {'kind': 'S26(DOCKER)', 'meta': {'name': 'e'}}, 'compute': {'kind': 'S26(SIMPLE_COMPUTE)',"
                + " 'cores': {'min': 1}, 'volumes': [{'kind': 'S26(SIMPLE_VOLUME)', 'mode': 'READWRITE'}]},"
                + " 'schedule': {'requested': {'start': 'S'}}}",
                "{'executable': {'kind': 'K(DOCKER)', 'meta': {'name': 'e'}}, 'compute': {'kind': 'K(SIMPLE_COMPUTE)',"
                + " 'cores': {'min': 1}, 'volumes': [{'kind': 'K(SIMPLE_VOLUME)', 'mode': 'READWRITE'}]},"
                + " 'schedule': {'requested': {'start': 'S'}}}", Dialect.V2026_05);
    }

    @Test
    void aRequestIn2025_10MovesVolumesToTheTop() {
        assertDown("{'executable': {'type': 'S25b(DOCKER)', 'name': 'e', 'href': 'h', 'messages': [{'type': 'k', 'text': 't'},"
                + "   'plain']},"
                + " 'compute': {'type': 'S25b(SIMPLE_COMPUTE)', 'cores': {'min': 1}, 'volumes': ['v', 'volume-1']},"
                + " 'volumes': [{'type': 'S25b(SIMPLE_VOLUME)', 'name': 'v', 'resources': ['s'], 'path': '/p'},"
                + "   {'type': 'S25b(SIMPLE_VOLUME)', 'resources': ['a', 'b'], 'path': '/q'}, 'odd'],"
                + " 'storage': [{'type': 'S25b(SIMPLE_STORAGE)', 'size': {'min': 5}}, 'odd']}",
                "{'executable': {'kind': 'K(DOCKER)', 'meta': {'name': 'e', 'url': 'h', 'messages': [{'kind': 'k', 'text': 't'},"
                + "   'plain']}},"
                + " 'compute': {'kind': 'K(SIMPLE_COMPUTE)', 'cores': {'min': 1}, 'volumes': ["
                + "   {'kind': 'K(SIMPLE_VOLUME)', 'meta': {'name': 'v'}, 'resource': 's', 'path': '/p'},"
                + "   {'kind': 'K(SIMPLE_VOLUME)', 'resource': 'a', 'resources': ['a', 'b'], 'path': '/q'}, 'odd']},"
                + " 'storage': [{'kind': 'K(SIMPLE_STORAGE)', 'size': {'min': 5}}, 'odd']}", Dialect.V2025_10);
    }

    @Test
    void aRequestIn2025_04WrapsResourcesAndRanges() {
        assertDown("{'executable': {'type': 'S25a(DOCKER)'},"
                + " 'resources': {'compute': [{'type': 'S25a(SIMPLE_COMPUTE)', 'cores': {'requested': {'min': 1, 'max': 2},"
                + "   'units': 'x'}, 'memory': 4, 'volumes': [{'name': 'v', 'path': '/p'}]}],"
                + "  'data': [{'type': 'S25a(SIMPLE_DATA)', 'size': {'requested': {'max': 3}}}]},"
                + " 'schedule': {'requested': {'start': ['S'], 'duration': 'PT1H'}}}",
                "{'executable': {'kind': 'K(DOCKER)'},"
                + " 'compute': {'kind': 'K(SIMPLE_COMPUTE)', 'cores': {'min': 1, 'max': 2, 'units': 'x'}, 'memory': 4,"
                + "   'volumes': [{'kind': 'K(SIMPLE_VOLUME)', 'meta': {'name': 'v'}, 'path': '/p'}]},"
                + " 'data': [{'kind': 'K(SIMPLE_DATA)', 'size': {'max': 3}}],"
                + " 'schedule': {'requested': {'start': 'S', 'duration': 'PT1H'}}}", Dialect.V2025_04);
        assertDown("{'schedule': {'requested': {'start': null}}}", "{'schedule': {'requested': {'start': null}}}",
                Dialect.V2025_04);
        assertDown("{'schedule': {'requested': {'duration': 'PT1H'}}}", "{'schedule': {'requested': {'duration': 'PT1H'}}}",
                Dialect.V2025_04);
    }

    @Test
    void aRequestIn2023HasSpecBlocksModesAndDatetime() {
        assertDown("{'request': {'executable': {'type': 'D(DOCKER)', 'name': 'e', 'spec': {'image': 'i'}},"
                + " 'resources': {'compute': [{'type': 'D(SIMPLE_COMPUTE)', 'spec': {'cores': {'min': 1},"
                + "    'volumes': [{'name': 'v', 'mode': 'rw'}, {'mode': 'ro'}, {'mode': 3}]}}],"
                + "  'storage': [{'type': 'D(SIMPLE_STORAGE)', 'name': 's'}]},"
                + " 'datetime': [{'start': 'S', 'duration': {'min': 'PT1H', 'max': 'PT2H'}}]}}",
                "{'executable': {'kind': 'K(DOCKER)', 'meta': {'name': 'e'}, 'image': 'i'},"
                + " 'compute': {'kind': 'K(SIMPLE_COMPUTE)', 'cores': {'min': 1}, 'volumes': ["
                + "   {'kind': 'K(SIMPLE_VOLUME)', 'meta': {'name': 'v'}, 'mode': 'READWRITE'},"
                + "   {'kind': 'K(SIMPLE_VOLUME)', 'mode': 'READONLY'}, {'mode': 3}]},"
                + " 'storage': [{'kind': 'K(SIMPLE_STORAGE)', 'meta': {'name': 's'}}],"
                + " 'schedule': {'requested': {'start': 'S', 'duration': 'PT1H', 'maxDuration': 'PT2H'}}}", Dialect.V2023);
        assertDown("{'request': {'datetime': [{'duration': {'max': 'PT2H'}}]}}",
                "{'schedule': {'requested': {'maxDuration': 'PT2H'}}}", Dialect.V2023);
        assertDown("{'request': {'schedule': 'soon', 'executable': {'type': 'https://example.org/x', 'a': 1}}}",
                "{'schedule': 'soon', 'executable': {'kind': 'https://example.org/x', 'a': 1}}", Dialect.V2023);
    }

    @Test
    void anOfferSetIn2025_04() {
        assertDown("{'type': 'S25a(OFFER_SET)', 'result': 'YES', 'offers': [{'type': 'S25a(SCHEDULED_SESSION)',"
                + "  'phase': 'READY', 'executable': {'type': 'S25a(DOCKER)'},"
                + "  'resources': {'compute': [{'type': 'S25a(SIMPLE_COMPUTE)', 'cores': {'offered': {'min': 2}}}],"
                + "   'storage': [{'type': 'S25a(SIMPLE_STORAGE)', 'size': {'offered': {'min': 5}}}]},"
                + "  'schedule': {'executing': {'start': 'S'}, 'x': 1}}, 'odd']}",
                "{'kind': 'K(OFFER_SET)', 'result': 'YES', 'offers': [{'kind': 'K(SCHEDULED_SESSION)', 'phase': 'AVAILABLE',"
                + "  'executable': {'kind': 'K(DOCKER)'}, 'compute': {'kind': 'K(SIMPLE_COMPUTE)', 'cores': {'min': 2}},"
                + "  'storage': [{'kind': 'K(SIMPLE_STORAGE)', 'size': {'min': 5}}],"
                + "  'schedule': {'available': {'start': 'S'}, 'x': 1}}, 'odd']}", Dialect.V2025_04);
    }

    @Test
    void aSessionOnItsOwn() {
        assertDown("{'type': 'S25b(SCHEDULED_SESSION)', 'phase': 'PROPOSED', 'schedule': {'requested': {'start': 'S'}}}",
                "{'kind': 'K(SCHEDULED_SESSION)', 'phase': 'INITIAL', 'schedule': {'requested': {'start': 'S'}}}",
                Dialect.V2025_10);
        assertDown("{'type': 'S25b(SCHEDULED_SESSION)', 'phase': 'ODD', 'schedule': 'x'}",
                "{'kind': 'K(SCHEDULED_SESSION)', 'phase': 'ODD', 'schedule': 'x'}", Dialect.V2025_10);
        assertDown("{'kind': 'S26(SCHEDULED_SESSION)', 'phase': 'AVAILABLE', 'schedule': {'available': {'start': 'S'}}}",
                "{'kind': 'K(SCHEDULED_SESSION)', 'phase': 'AVAILABLE', 'schedule': {'available': {'start': 'S'}}}",
                Dialect.V2026_05);
    }

    @Test
    void anOfferSetIn2023GivesItsReasonsBack() {
        assertDown("{'response': {'type': 'S25b(OFFER_SET)', 'result': 'NO', 'uuid': 'u',"
                + " 'messages': [{'type': 'other', 'template': 't'}], 'reasons': [{'path': 'compute', 'text': 'no'}]}}",
                "{'kind': 'K(OFFER_SET)', 'result': 'NO', 'meta': {'uuid': 'u', 'messages': ["
                + " {'kind': 'urn:orrery:draft-reason', 'level': 'WARN', 'template': 'no', 'values': {'path': 'compute'}},"
                + " {'kind': 'other', 'template': 't'}]}}", Dialect.V2023);
        assertDown("{'response': {'result': 'YES', 'offers': [{'type': 'S25b(SCHEDULED_SESSION)', 'phase': 'READY',"
                + "  'executable': {'type': 'D(DOCKER)', 'spec': {'image': 'i'}}}]}}",
                "{'result': 'YES', 'offers': [{'kind': 'K(SCHEDULED_SESSION)', 'phase': 'AVAILABLE',"
                + "  'executable': {'kind': 'K(DOCKER)', 'image': 'i'}}]}", Dialect.V2023);
    }
}

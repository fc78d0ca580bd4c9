package dev.ablate4j.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code git_dirty}: the build records whether its checkout had uncommitted changes (pom.xml's
 * buildnumber check into build.properties), every run's provenance records it next to the commit,
 * and readers take a missing key as not dirty.
 */
class ProvenanceDirtyTest {

    @Test
    void aBuildFromAGitCheckoutKnowsWhetherItWasDirtyAndRunsRecordIt() {
        String commit = Provenance.commit();
        assumeTrue(commit != null && !commit.equals(Provenance.UNKNOWN_COMMIT),
                "SKIPPED: these classes were not built from a git checkout (commit " + commit + "), so there is"
                        + " nothing to know");
        assertNotNull(Provenance.dirty(), "build.properties records tainted=ok|tainted beside commit " + commit);
        Map<String, Object> p = Provenance.start(null);
        assertTrue(p.containsKey(Provenance.DIRTY));
        assertEquals(Provenance.dirty(), p.get(Provenance.DIRTY));
        assertEquals(Provenance.COMMIT, p.keySet().stream().toList().get(1), "the commit, then whether it was dirty");
        assertEquals(Provenance.DIRTY, p.keySet().stream().toList().get(2));
    }

    @Test
    void onlyATrueFlagReadsAsDirty() {
        Map<String, Object> p = new HashMap<>();
        assertFalse(Provenance.builtDirty(p), "runs made before the key existed");
        p.put(Provenance.DIRTY, null);
        assertFalse(Provenance.builtDirty(p), "unknown");
        p.put(Provenance.DIRTY, false);
        assertFalse(Provenance.builtDirty(p));
        p.put(Provenance.DIRTY, "true");
        assertFalse(Provenance.builtDirty(p), "not a JSON boolean");
        p.put(Provenance.DIRTY, true);
        assertTrue(Provenance.builtDirty(p));
    }
}

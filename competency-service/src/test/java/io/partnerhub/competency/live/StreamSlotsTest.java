package io.partnerhub.competency.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.partnerhub.competency.live.StreamSlots.Slot;

/** K5c: the counts of open streams, per subject and per organisation, without Quarkus. */
class StreamSlotsTest {

    private final StreamSlots slots = new StreamSlots(3, 5, Duration.ofSeconds(15));

    @Test
    void aFourthStreamOfOneSubjectIsRefusedWithTheLimits() {
        for (int i = 0; i < 3; i++) {
            slots.take("sub-1", "org-" + i);
        }
        TooManyStreams refused = assertThrows(TooManyStreams.class, () -> slots.take("sub-1", "org-9"));
        assertEquals(429, refused.status());
        assertEquals("too-many-streams", refused.typeSlug());
        assertEquals("subject", refused.extensions().get("limit"));
        assertEquals(3, refused.extensions().get("maxPerSubject"));
        assertEquals(5, refused.extensions().get("maxPerOrganization"));
        assertEquals(15L, refused.retryAfterSeconds().getAsLong());
    }

    @Test
    void anOrganisationsStreamsCountWhoeverOpenedThem() {
        for (int i = 0; i < 5; i++) {
            slots.take("sub-" + i, "org-1");
        }
        TooManyStreams refused = assertThrows(TooManyStreams.class, () -> slots.take("sub-9", "org-1"));
        assertEquals("organization", refused.extensions().get("limit"));
        slots.take("sub-9", "org-2"); // another organisation has its own count
    }

    @Test
    void aReleasedSlotCanBeTakenAgainAndReleasingTwiceGivesBackOnce() {
        Slot first = slots.take("sub-1", "org-1");
        slots.take("sub-1", "org-1");
        slots.take("sub-1", "org-1");
        first.release();
        first.release();
        slots.take("sub-1", "org-1");
        assertThrows(TooManyStreams.class, () -> slots.take("sub-1", "org-1"));
        assertEquals(3, slots.open());
    }
}

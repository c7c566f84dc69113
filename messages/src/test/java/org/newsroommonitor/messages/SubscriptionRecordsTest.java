package org.newsroommonitor.messages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.messages.SubscriptionRecords.Delete;
import org.newsroommonitor.messages.SubscriptionRecords.Refuse;
import org.newsroommonitor.messages.SubscriptionRecords.Save;
import org.newsroommonitor.messages.testing.DocsExamples;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule every reader of news.subscriptions applies: the key is the identity, the value must match the schema. */
class SubscriptionRecordsTest {

    private static final SubscriptionRecords RECORDS = new SubscriptionRecords(new MessageSchemas(), Messages.mapper());
    private static final String ID = "3f2b9c1e-lachin-aid"; // the example's id

    @Test
    void theExampleWithItsIdAsKeyIsSaved() {
        assertThat(RECORDS.read(ID, DocsExamples.text(MessageType.SUBSCRIPTION))).isInstanceOfSatisfying(Save.class,
                save -> {
                    assertThat(save.subscription().id()).isEqualTo(ID);
                    assertThat(save.subscription().name()).isEqualTo("Aid convoys to Karabakh");
                    assertThat(save.subscription().schemaVersion()).isEqualTo(1);
                });
    }

    @Test
    void aSubscriptionWrittenBeforeTheVersionFieldIsSaved() {
        ObjectNode json = DocsExamples.json(MessageType.SUBSCRIPTION);
        json.remove("schemaVersion");
        assertThat(RECORDS.read(ID, json.toString())).isInstanceOf(Save.class);
    }

    @Test
    void aTombstoneDeletesTheSubscriptionOfItsKey() {
        assertThat(RECORDS.read("a", null)).isEqualTo(new Delete("a"));
    }

    @Test
    void anIdThatIsNotTheKeyIsRefused() {
        assertThat(RECORDS.read("a", DocsExamples.subscription("b", "convoy")))
                .isEqualTo(new Refuse("id \"b\" is not the record key \"a\""));
    }

    @Test
    void aValueWithoutIdIsRefusedByTheSchema() {
        ObjectNode json = DocsExamples.json(MessageType.SUBSCRIPTION);
        json.remove("id");
        assertThat(RECORDS.read(ID, json.toString())).isInstanceOfSatisfying(Refuse.class, refuse ->
                assertThat(refuse.reason()).isEqualTo(
                        "does not match the subscription schema v1: required property 'id' not found"));
    }

    @Test
    void anotherSchemaVersionIsRefused() {
        ObjectNode json = DocsExamples.json(MessageType.SUBSCRIPTION);
        json.put("schemaVersion", 2);
        assertThat(RECORDS.read(ID, json.toString())).isEqualTo(
                new Refuse("unsupported schemaVersion 2 (this service reads subscription version 1)"));
    }

    @Test
    void aValueOfTheWrongShapeIsRefusedNamingTheField() {
        ObjectNode json = DocsExamples.json(MessageType.SUBSCRIPTION);
        json.put("topics", "humanitarian-aid");
        assertThat(RECORDS.read(ID, json.toString())).isInstanceOfSatisfying(Refuse.class, refuse ->
                assertThat(refuse.reason()).startsWith("does not match the subscription schema v1: ")
                        .contains("/topics"));
    }

    @Test
    void aValueThatIsNotJsonOrNotAnObjectIsRefused() {
        assertThat(RECORDS.read(ID, "{\"id\":")).isInstanceOfSatisfying(Refuse.class, refuse ->
                assertThat(refuse.reason()).startsWith("not JSON: "));
        assertThat(RECORDS.read(ID, "")).isEqualTo(new Refuse("not a JSON object"));
        assertThat(RECORDS.read(ID, "[]")).isEqualTo(new Refuse("not a JSON object"));
    }

    @Test
    void aRecordWithoutKeyIsRefused() {
        assertThat(RECORDS.read(null, DocsExamples.subscription("a", "convoy")))
                .isEqualTo(new Refuse("no key (the key is the subscription id)"));
        assertThat(RECORDS.read(" ", null)).isEqualTo(new Refuse("no key (the key is the subscription id)"));
    }
}

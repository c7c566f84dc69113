package org.newsroommonitor.classify.gazetteer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.messages.Organisation;
import org.newsroommonitor.messages.Place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The bundled gazetteer: aliases, longest match, counts, other languages and scripts, acronyms. */
class EntityExtractorTest {

    private static EntityExtractor extractor;

    @BeforeAll
    static void load() {
        extractor = EntityExtractor.create(new GazetteerLoader().loadBundled());
    }

    @AfterAll
    static void close() {
        extractor.close();
    }

    @Test
    void seedArticleNamesItsPlacesAndTheRussianRedCrossOnce() {
        Entities entities = extractor.extract("Russian Red Cross truck reaches Karabakh through Aghdam",
                "A single Russian Red Cross lorry entered Nagorno-Karabakh from Aghdam, while the Lachin corridor "
                        + "stays closed and bread is rationed in Stepanakert.", null);

        assertThat(entities.places()).extracting(Place::id, Place::count).containsExactly(
                tuple("nagorno-karabakh", 2), tuple("aghdam", 2), tuple("lachin-corridor", 1), tuple("stepanakert", 1));
        // "Russian Red Cross" is the national society, not the movement's generic "Red Cross"
        assertThat(entities.organisations()).extracting(Organisation::id, Organisation::count)
                .containsExactly(tuple("russian-red-cross", 2));
        Place stepanakert = entities.places().get(3);
        assertThat(stepanakert.name()).isEqualTo("Stepanakert");
        assertThat(stepanakert.country()).isEqualTo("AZ");
        assertThat(stepanakert.lat()).isEqualTo(39.8153);
        assertThat(stepanakert.lon()).isEqualTo(46.7519);
    }

    @Test
    void longestMatchWinsOverTheNamesInside() {
        Entities entities = extractor.extract("Azerbaijan Red Crescent sends aid to Gaza City; Lachin corridor closed",
                null, "The Red Cross said the town of Lachin was empty.");

        assertThat(entities.organisationIds()).containsExactly("azerbaijan-red-crescent", "red-cross-red-crescent");
        assertThat(entities.placeIds()).containsExactly("gaza-city", "lachin-corridor", "lachin");
    }

    @Test
    void aliasesAndSpellingsInOtherLanguagesAndScriptsCountForOneEntry() {
        Entities entities = extractor.extract("Stepanakert / Khankendi / Xankəndi",
                "Гуманитарный груз прибыл в Степанакерт через Лачинский коридор; в Степанакерте нет хлеба.",
                "Ստեփանակերտ, Լաչինի միջանցք. Международный комитет Красного Креста (МККК).");

        assertThat(entities.places()).extracting(Place::id, Place::count)
                .containsExactly(tuple("stepanakert", 6), tuple("lachin-corridor", 2));
        assertThat(entities.organisations()).extracting(Organisation::id, Organisation::count)
                .containsExactly(tuple("icrc", 2));
    }

    @Test
    void acronymsOnlyCountInCapitals() {
        Entities entities = extractor.extract("WHO and UN warn of cholera in Hodeidah",
                "Who knows who will pay, said the WFP.", "The un-named official from Unicef spoke.");

        assertThat(entities.organisationIds()).containsExactly("who", "un", "wfp", "unicef");
        assertThat(entities.organisations()).allSatisfy(o -> assertThat(o.count()).isEqualTo(1));
        assertThat(entities.placeIds()).containsExactly("hodeidah");
    }

    @Test
    void mostNamedFirstAndNothingForATextWithoutNames() {
        Entities entities = extractor.extract("Goma, Goma, Goma", null, "Shelling near Kharkiv and in Goma.");
        assertThat(entities.places()).extracting(Place::id, Place::count)
                .containsExactly(tuple("goma", 4), tuple("kharkiv", 1));
        assertThat(extractor.extract("Football cup final", "", null)).isEqualTo(Entities.NONE);
    }

    @Test
    void twoEntriesWithTheSameNameAreRefused() {
        Gazetteer gazetteer = new GazetteerLoader().parse("""
                version: "t"
                places:
                  - {id: lachin, name: Lachin, country: AZ, lat: 39.6, lon: 46.5}
                  - {id: berdzor, name: Berdzor, country: AZ, lat: 39.6, lon: 46.5, aliases: [LACHIN]}
                """, "test");
        assertThatThrownBy(() -> EntityExtractor.create(gazetteer))
                .isInstanceOf(GazetteerException.class)
                .hasMessageContaining("'LACHIN' of 'berdzor' is also a name of 'lachin'");
    }

    @Test
    void badEntriesAreRefusedWithTheEntryAndTheLine() {
        GazetteerLoader loader = new GazetteerLoader();
        assertThatThrownBy(() -> loader.parse("""
                version: "t"
                places:
                  - {id: x, name: X, country: Armenia, lat: 1, lon: 2}
                """, "test"))
                .hasMessageContaining("place 'x'").hasMessageContaining("ISO 3166-1");
        assertThatThrownBy(() -> loader.parse("""
                version: "t"
                places:
                  - {id: x, name: X, country: AM, lat: 91, lon: 2}
                """, "test"))
                .hasMessageContaining("'lat' must be between -90 and 90");
        assertThatThrownBy(() -> loader.parse("""
                version: "t"
                organisations:
                  - id: x
                    name: X
                    alias: [Y]
                """, "test"))
                .hasMessageContaining("(line ").hasMessageContaining("Unrecognized field \"alias\"");
    }
}

package org.newsroommonitor.classify.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates realistic-looking news articles and saved-search queries from a fixed vocabulary, reproducibly (fixed
 * seed). Word frequencies follow a Zipf-like curve: function words are frequent, crisis vocabulary (which the
 * taxonomy rules and the saved searches look for) appears now and then, and a long tail of rarer words (names,
 * places) keeps the vocabulary of a batch in the thousands, as in real news.
 */
final class SyntheticNews {

    /** Frequent English words. */
    private static final String[] COMMON = ("the of and to in a is that for on was with as by it at from be said were "
            + "has have are an this which not but after their they his its had been also who more will would two "
            + "year new one people first last over government week since about out other than into three could "
            + "officials told under there when some local city region state country president minister capital "
            + "monday tuesday wednesday thursday friday saturday sunday morning night day days months hundreds "
            + "thousands percent million billion report reported according statement spokesman spokeswoman agency "
            + "news added across north south east west central border town village residents families children "
            + "women men public national international group groups forces authorities officials leaders talks "
            + "market prices price economy company companies business trade workers union school schools university "
            + "police court law plan plans programme project road roads bridge river water power electricity fuel "
            + "gas oil food bread flour wheat medicine hospital doctors health crisis situation support help").split(" ");

    /** Crisis vocabulary, as in the taxonomy and the saved searches. */
    private static final String[] DOMAIN = ("aid humanitarian relief convoy trucks truck supplies delivery deliveries "
            + "blockade siege besieged corridor checkpoint crossing closed blocked reopened access restrictions "
            + "shortage shortages rationing famine hunger malnutrition starvation harvest drought displaced refugees "
            + "refugee camp camps evacuation shelters fled fleeing shelling artillery airstrike airstrikes clashes "
            + "ceasefire troops soldiers militants fighting killed wounded casualties detained arrested hostages "
            + "prisoners detention released negotiations mediators agreement treaty envoy diplomats sanctions "
            + "cholera measles outbreak epidemic vaccines clinic clinics ambulance surgery insulin antibiotics "
            + "Red Cross Red Crescent ICRC UNHCR UNICEF WFP OCHA donors appeal funding pledged").split(" ");

    /** Places and names. */
    private static final String[] NAMES = ("Stepanakert Aghdam Lachin Karabakh Armenia Azerbaijan Yerevan Baku Goris "
            + "Gaza Rafah Khan Younis Sudan Darfur Khartoum El Fasher Yemen Sanaa Hodeidah Haiti Port-au-Prince "
            + "Ukraine Kharkiv Odesa Kyiv Syria Idlib Aleppo Tigray Mekelle Somalia Mogadishu Congo Goma Myanmar "
            + "Sagaing Afghanistan Kabul Lebanon Beirut Mali Gao Libya Tripoli Ethiopia Chad Adre Kenya Geneva Doha").split(" ");

    private final Random random;
    private final List<String> tail = new ArrayList<>();

    SyntheticNews(long seed) {
        this.random = new Random(seed);
        // rare words: names of people, firms, small places (pseudo-words)
        String syllables = "ka ro mi sa te lo van dar nek ul bri ost ana ver tis gor am pel";
        String[] s = syllables.split(" ");
        for (int i = 0; i < 6000; i++) {
            StringBuilder word = new StringBuilder();
            int n = 2 + random.nextInt(2);
            for (int j = 0; j < n; j++) {
                word.append(s[random.nextInt(s.length)]);
            }
            tail.add(word.toString());
        }
    }

    /** One word: 70% common, 10% crisis vocabulary, 6% names, 14% rare words. */
    String word() {
        int r = random.nextInt(100);
        if (r < 70) {
            // Zipf-like within the common words: low indexes much more often
            double u = random.nextDouble();
            return COMMON[(int) (COMMON.length * u * u * u)];
        }
        if (r < 80) {
            return DOMAIN[random.nextInt(DOMAIN.length)];
        }
        if (r < 86) {
            return NAMES[random.nextInt(NAMES.length)];
        }
        return tail.get(random.nextInt(tail.size()));
    }

    /** A text of about {@code words} words in sentences. */
    String text(int words) {
        StringBuilder out = new StringBuilder(words * 8);
        int sentence = 0;
        for (int i = 0; i < words; i++) {
            String word = word();
            if (sentence == 0) {
                word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            }
            out.append(word);
            sentence++;
            if (sentence > 8 && random.nextInt(12) == 0 || sentence > 25) {
                out.append(". ");
                sentence = 0;
            } else {
                out.append(random.nextInt(15) == 0 ? ", " : " ");
            }
        }
        return out.toString().strip() + ".";
    }

    /** An article: title ~12 words, summary ~48 words (~60 together), text ~300 words. */
    Article article() {
        return new Article(text(12), text(48), text(300));
    }

    /**
     * A saved search in the editor syntax: words, "phrases", OR, prefix*; mostly crisis words and names with a
     * rarer word, as editors write them ("aid convoy" Stepanakert, displac* OR refugee* Goris, ...).
     */
    String savedSearch() {
        return switch (random.nextInt(5)) {
            case 0 -> pick(DOMAIN) + " " + pick(NAMES);
            case 1 -> "\"" + pick(DOMAIN) + " " + pick(DOMAIN) + "\" " + pick(NAMES);
            case 2 -> pick(DOMAIN) + " OR " + pick(DOMAIN) + " " + tail.get(random.nextInt(tail.size()));
            case 3 -> prefix(pick(DOMAIN)) + " " + pick(NAMES);
            default -> pick(NAMES) + " " + tail.get(random.nextInt(tail.size())) + " OR "
                    + tail.get(random.nextInt(tail.size()));
        };
    }

    private String prefix(String word) {
        return word.length() <= 4 ? word : word.substring(0, 4 + random.nextInt(word.length() - 3)) + "*";
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }

    record Article(String title, String summary, String text) {
    }
}

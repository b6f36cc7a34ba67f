//! The time vocabulary of Arabic news, keyed by folded spelling (see
//! [`crate::text::fold`]), so each entry is written once in its usual form.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::text::{fold, without_proclitic};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// Grammatical number of a unit noun: a dual carries its own count (يومين = 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Count {
    One,
    Two,
    Many,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DayPart {
    Dawn,
    Morning,
    Noon,
    Afternoon,
    Evening,
    Night,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kw {
    Today,
    Yesterday,
    Tomorrow,
    /// أول: "أول أمس", "أول الشهر".
    First,
    After,
    Before,
    Since,
    Until,
    Between,
    And,
    From,
    To,
    In,
    During,
    Last,
    Next,
    Current,
    This,
    Early,
    Mid,
    Late,
    Part(DayPart),
    /// ص: morning after a clock time.
    AmShort,
    /// م: evening after a clock time, or "Gregorian" after a year.
    M,
    HijriMark,
    GregorianMark,
    Half,
    Quarter,
    Third,
    Except,
    /// نحو، حوالي: an approximation that does not change the value.
    Approx,
    /// تاريخ, الموافق: "بتاريخ 23/12/2024", "الجمعة الموافق 20 ديسمبر".
    DateWord,
    /// The article written apart before digits: "الـ24".
    Article,
    /// يومي/عامي/شهري: construct duals that introduce two dates.
    DaysOf,
    YearsOf,
    MonthsOf,
    /// Nouns that العام ("general", "public") qualifies: "الأمين العام الحالي"
    /// is the current secretary-general, not this year.
    Title,
    /// الآخر/الآخرة, القعدة, الحجة: second words of Hijri month names.
    Latter,
    Qada,
    Hijja,
}

/// First words of two-word month names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Head {
    Kanun,
    Tishrin,
    Rabi,
    Jumada,
    Dhu,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lex {
    /// Gregorian month 1..=12.
    Month(u8),
    Head(Head),
    /// Hijri month 1..=12 (one-word names).
    HijriMonth(u8),
    /// 0 = Monday … 6 = Sunday.
    Weekday(u8),
    /// Definite ordinal (الخامس, الثالثة, العشرين), also clock hours.
    Ordinal(u8),
    Cardinal(u16),
    Unit(Unit, Count, bool),
    Kw(Kw),
}

type Table = FxHashMap<Box<str>, Lex>;

fn entries() -> Vec<(&'static str, Lex)> {
    use Count::*;
    use DayPart::*;
    use Kw::*;
    use Lex::{Cardinal as C, HijriMonth as HM, Kw as K, Month as G, Ordinal as O, Weekday as W};
    use Unit::*;
    let mut v: Vec<(&'static str, Lex)> = Vec::with_capacity(400);
    let mut add = |words: &[&'static str], lex: Lex| v.extend(words.iter().map(|w| (*w, lex)));

    // Gregorian months: Egyptian/Gulf, Maghrebi (Algeria/Tunisia, Morocco) and Levantine/Iraqi names.
    add(&["يناير", "جانفي"], G(1));
    add(&["فبراير", "فيفري", "شباط"], G(2));
    add(&["مارس", "آذار"], G(3));
    add(&["أبريل", "ابريل", "إبريل", "أفريل", "نيسان"], G(4));
    add(&["مايو", "ماي", "أيار"], G(5));
    add(&["يونيو", "يونيه", "جوان", "حزيران"], G(6));
    add(&["يوليو", "يوليه", "جويلية", "يوليوز", "تموز"], G(7));
    add(&["أغسطس", "أوت", "غشت", "آب"], G(8));
    add(&["سبتمبر", "شتنبر", "أيلول"], G(9));
    add(&["أكتوبر"], G(10));
    add(&["نوفمبر", "نونبر"], G(11));
    add(&["ديسمبر", "دجنبر"], G(12));
    add(&["كانون"], Lex::Head(Head::Kanun));
    add(&["تشرين"], Lex::Head(Head::Tishrin));

    add(&["محرم"], HM(1));
    add(&["صفر"], HM(2));
    add(&["رجب"], HM(7));
    add(&["شعبان"], HM(8));
    add(&["رمضان"], HM(9));
    add(&["شوال"], HM(10));
    add(&["ربيع"], Lex::Head(Head::Rabi));
    add(&["جمادى"], Lex::Head(Head::Jumada));
    add(&["ذو", "ذي"], Lex::Head(Head::Dhu));
    add(&["الآخر", "الآخرة"], K(Latter));
    add(&["القعدة"], K(Qada));
    add(&["الحجة"], K(Hijja));

    add(&["الاثنين", "الإثنين", "الاتنين"], W(0));
    add(&["الثلاثاء"], W(1));
    add(&["الأربعاء"], W(2));
    add(&["الخميس"], W(3));
    add(&["الجمعة"], W(4));
    add(&["السبت"], W(5));
    add(&["الأحد"], W(6));

    add(&["الأول", "الأولى", "الحادي", "الحادية", "الواحدة"], O(1));
    add(&["الثاني", "الثانية"], O(2));
    add(&["الثالث", "الثالثة"], O(3));
    add(&["الرابع", "الرابعة"], O(4));
    add(&["الخامس", "الخامسة"], O(5));
    add(&["السادس", "السادسة"], O(6));
    add(&["السابع", "السابعة"], O(7));
    add(&["الثامن", "الثامنة"], O(8));
    add(&["التاسع", "التاسعة"], O(9));
    add(&["العاشر", "العاشرة"], O(10));
    add(&["العشرين", "العشرون"], O(20));
    add(&["الثلاثين", "الثلاثون"], O(30));

    add(&["واحد", "أحد", "إحدى"], C(1));
    add(
        &["اثنان", "اثنين", "اثنتان", "اثنتين", "اثنا", "اثني", "اثنتا", "اثنتي"],
        C(2),
    );
    add(&["ثلاث", "ثلاثة", "الثلاث", "الثلاثة"], C(3));
    add(&["أربع", "أربعة", "الأربع", "الأربعة"], C(4));
    add(&["خمس", "خمسة", "الخمس", "الخمسة"], C(5));
    add(&["ست", "ستة", "الست", "الستة"], C(6));
    add(&["سبع", "سبعة", "السبع", "السبعة"], C(7));
    add(&["ثماني", "ثمانية", "ثمان", "الثماني", "الثمانية"], C(8));
    add(&["تسع", "تسعة", "التسع", "التسعة"], C(9));
    add(&["عشر", "عشرة", "العشر", "العشرة"], C(10));
    add(&["عشرون", "عشرين"], C(20));
    add(&["ثلاثون", "ثلاثين"], C(30));
    add(&["أربعون", "أربعين", "الأربعين"], C(40));
    add(&["خمسون", "خمسين", "الخمسين"], C(50));
    add(&["ستون", "ستين", "الستين"], C(60));
    add(&["سبعون", "سبعين", "السبعين"], C(70));
    add(&["ثمانون", "ثمانين", "الثمانين"], C(80));
    add(&["تسعون", "تسعين", "التسعين"], C(90));
    add(&["مئة", "مائة", "مئات"], C(100));

    add(&["دقيقة", "دقيقه"], Lex::Unit(Minute, One, false));
    add(&["دقيقتين", "دقيقتان"], Lex::Unit(Minute, Two, false));
    add(&["دقائق"], Lex::Unit(Minute, Many, false));
    add(&["الدقيقتين"], Lex::Unit(Minute, Two, true));
    add(&["الدقائق"], Lex::Unit(Minute, Many, true));
    add(&["ساعة"], Lex::Unit(Hour, One, false));
    add(&["ساعتين", "ساعتان"], Lex::Unit(Hour, Two, false));
    add(&["ساعات"], Lex::Unit(Hour, Many, false));
    add(&["الساعة"], Lex::Unit(Hour, One, true));
    add(&["الساعتين"], Lex::Unit(Hour, Two, true));
    add(&["الساعات"], Lex::Unit(Hour, Many, true));
    add(&["يوم", "يوما"], Lex::Unit(Day, One, false));
    add(&["يومين", "يومان"], Lex::Unit(Day, Two, false));
    add(&["أيام"], Lex::Unit(Day, Many, false));
    add(&["اليومين", "اليومان"], Lex::Unit(Day, Two, true));
    add(&["الأيام"], Lex::Unit(Day, Many, true));
    add(&["أسبوع", "أسبوعا"], Lex::Unit(Week, One, false));
    add(&["أسبوعين", "أسبوعان"], Lex::Unit(Week, Two, false));
    add(&["أسابيع"], Lex::Unit(Week, Many, false));
    add(&["الأسبوع"], Lex::Unit(Week, One, true));
    add(&["الأسبوعين"], Lex::Unit(Week, Two, true));
    add(&["الأسابيع"], Lex::Unit(Week, Many, true));
    add(&["شهر", "شهرا"], Lex::Unit(Month, One, false));
    add(&["شهرين", "شهران"], Lex::Unit(Month, Two, false));
    add(&["أشهر", "شهور"], Lex::Unit(Month, Many, false));
    add(&["الشهر"], Lex::Unit(Month, One, true));
    add(&["الشهرين"], Lex::Unit(Month, Two, true));
    add(&["الأشهر", "الشهور"], Lex::Unit(Month, Many, true));
    add(&["عام", "عاما", "سنة"], Lex::Unit(Year, One, false));
    add(&["عامين", "عامان", "سنتين", "سنتان"], Lex::Unit(Year, Two, false));
    add(&["أعوام", "سنوات", "سنين"], Lex::Unit(Year, Many, false));
    add(&["العام", "السنة"], Lex::Unit(Year, One, true));
    add(&["العامين", "السنتين"], Lex::Unit(Year, Two, true));
    add(&["الأعوام", "السنوات"], Lex::Unit(Year, Many, true));

    add(&["اليوم"], K(Today));
    add(&["أمس", "الأمس", "البارحة"], K(Yesterday));
    add(&["غدا", "غد", "الغد"], K(Tomorrow));
    add(&["أول"], K(First));
    add(&["بعد"], K(After));
    add(&["قبل"], K(Before));
    add(&["منذ", "مذ"], K(Since));
    add(&["حتى", "لغاية", "غاية"], K(Until));
    add(&["بين"], K(Between));
    add(&["و"], K(And));
    add(&["من"], K(From));
    add(&["إلى"], K(To));
    add(&["في"], K(In));
    add(&["خلال", "طوال", "طيلة"], K(During));
    add(
        &[
            "الماضي",
            "الماضية",
            "الماضيين",
            "الماضيتين",
            "المنصرم",
            "المنصرمة",
            "الفائت",
            "الفائتة",
            "المنقضي",
            "المنقضية",
            "السابق",
            "السابقة",
            "السابقين",
            "السابقتين",
            "الأخير",
            "الأخيرة",
            "الأخيرين",
            "الأخيرتين",
        ],
        K(Last),
    );
    add(
        &[
            "المقبل",
            "المقبلة",
            "المقبلين",
            "المقبلتين",
            "القادم",
            "القادمة",
            "القادمين",
            "القادمتين",
        ],
        K(Next),
    );
    add(&["الجاري", "الجارية", "الحالي", "الحالية"], K(Current));
    add(&["هذا", "هذه"], K(This));
    add(&["أوائل", "مطلع", "بداية", "بدايات", "مستهل"], K(Early));
    add(&["منتصف", "أواسط", "وسط"], K(Mid));
    add(&["أواخر", "نهاية", "آخر"], K(Late));
    add(&["فجر", "فجرا", "الفجر"], K(Part(Dawn)));
    add(&["صباح", "صباحا", "الصباح"], K(Part(Morning)));
    add(&["ظهر", "ظهرا", "الظهر"], K(Part(Noon)));
    add(&["عصر", "عصرا", "العصر"], K(Part(Afternoon)));
    add(&["مساء", "مساءا", "المساء"], K(Part(Evening)));
    add(&["ليلا", "ليل", "الليل", "ليلة"], K(Part(Night)));
    add(&["ص"], K(AmShort));
    add(&["م"], K(Kw::M));
    add(&["هـ", "هجري", "هجرية", "الهجرة", "الهجري"], K(HijriMark));
    add(&["ميلادي", "ميلادية", "الميلاد", "الميلادي"], K(GregorianMark));
    add(&["النصف", "نصف"], K(Half));
    add(&["الربع", "ربع", "ربعا"], K(Quarter));
    add(&["الثلث", "ثلث"], K(Third));
    add(&["إلا"], K(Except));
    add(&["نحو", "حوالي", "حوالى", "قرابة", "زهاء"], K(Approx));
    add(&["تاريخ", "التاريخ", "الموافق"], K(DateWord));
    add(&["الـ"], K(Article));
    add(
        &[
            "الأمين",
            "المدير",
            "المدعي",
            "النائب",
            "المفتش",
            "المراقب",
            "المنسق",
            "المفوض",
            "القائد",
            "الرأي",
            "القطاع",
            "الأمن",
            "الدين",
            "المال",
            "الشأن",
            "الصالح",
            "النظام",
            "الإضراب",
            "الادعاء",
        ],
        K(Title),
    );
    add(&["يومي"], K(DaysOf));
    add(&["عامي", "سنتي"], K(YearsOf));
    add(&["شهري"], K(MonthsOf));
    v
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut table = Table::default();
    for (word, lex) in entries() {
        let key = fold(word);
        if !key.is_empty() {
            table.insert(key.into(), lex);
        }
    }
    table
});

/// Looks up a folded word.
pub(crate) fn lookup(key: &str) -> Option<Lex> {
    TABLE.get(key).copied()
}

/// Looks up a folded word, also under one attached preposition or فـ:
/// "بالأمس", "للعام" (ل + العام with the article's alef elided), "فمنذ".
pub(crate) fn lookup_with_clitics(key: &str) -> Option<Lex> {
    lookup(key).or_else(|| without_proclitic(key, lookup))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(word: &str) -> Option<Lex> {
        lookup_with_clitics(&fold(word))
    }

    #[test]
    fn every_spelling_of_a_month_is_known() {
        for w in ["إبريل", "ابريل", "أبريل", "أفريل", "نيسان"] {
            assert_eq!(lex(w), Some(Lex::Month(4)), "{w}");
        }
        for w in ["يونيو", "يونيه", "جوان", "حزيران"] {
            assert_eq!(lex(w), Some(Lex::Month(6)), "{w}");
        }
        assert_eq!(lex("اغسطس"), Some(Lex::Month(8)));
        assert_eq!(lex("جويلية"), Some(Lex::Month(7)));
        assert_eq!(lex("آب"), Some(Lex::Month(8)));
    }

    #[test]
    fn attached_prepositions_are_looked_through() {
        assert_eq!(lex("بالأمس"), Some(Lex::Kw(Kw::Yesterday)));
        assert_eq!(lex("للعام"), Some(Lex::Unit(Unit::Year, Count::One, true)));
        assert_eq!(lex("فمنذ"), Some(Lex::Kw(Kw::Since)));
        // A full word wins over a prefix reading: بين is not ب + ين.
        assert_eq!(lex("بين"), Some(Lex::Kw(Kw::Between)));
        assert_eq!(lex("سيارة"), None);
    }

    #[test]
    fn taa_marbuta_and_alef_maqsura_fold() {
        assert_eq!(lex("الجمعه"), Some(Lex::Weekday(4)));
        assert_eq!(lex("الى"), Some(Lex::Kw(Kw::To)));
        assert_eq!(lex("غداً"), Some(Lex::Kw(Kw::Tomorrow)));
    }
}

package gazetteer

import (
	"fmt"
	"strings"
	"testing"
)

func TestFindPlace(t *testing.T) {
	tests := []struct {
		sentence string
		exclude  []string // substrings that are actors, not places
		want     string   // Text=Name/Kind/Country, or "" for none
	}{
		{"Russian jets bombed rebel positions in Aleppo on Tuesday.", nil, "Aleppo=Aleppo/city/SYR"},
		{"Fighting flared again near Kharkiv overnight.", nil, "Kharkiv=Kharkiv/city/UKR"},
		{"Turkey massed troops along the border with Syria.", nil, "Syria=Syria/country/SYR"},
		{"Houthi rebels attacked a cargo ship in the Red Sea.", nil, "Red Sea=Red Sea/water/"},
		{"A car bomb exploded outside Damascus, killing four.", nil, "Damascus=Damascus/city/SYR"},
		{"Clashes erupted in the southern city of Daraa.", nil, "Daraa=Dar‘ā/city/SYR"},
		{"Government airstrikes hit Idlib province for a third day.", nil, "Idlib province=Idlib/region/SYR"},
		{"Israel struck targets in Syria's Quneitra province.", nil, "Quneitra province=Quneitra/region/SYR"},
		{"Protesters gathered in the Syrian capital on Friday.", nil, "Syrian capital=Damascus/city/SYR"},
		{"Troops massed near the Turkish border.", nil, "Turkish border=Turkey/country/TUR"},
		{"Shelling 30 km north of Mosul killed five soldiers.", nil, "Mosul=Mosul/city/IRQ"},
		{"Iran seized a tanker in the Strait of Hormuz.", nil, "Strait of Hormuz=Strait of Hormuz/water/"},
		{"The two leaders met in Sochi to discuss the fighting in Idlib.", nil, "Sochi=Sochi/city/RUS"},
		{"Russia deployed more troops in Syria, officials said.", nil, "Syria=Syria/country/SYR"},
		{"Russian forces in Syria shelled a village near Hama.", nil, "Hama=Ḩamāh/city/SYR"},
		{"Russia's intervention in Ukraine's affairs was condemned.", nil, ""},
		{"Russia said the meeting would take place in March.", nil, ""},
		{"In Obama's view, the agreement holds.", []string{"Obama"}, ""},
		{"The United States and Russia signed the deal in Geneva.", nil, "Geneva=Geneva/city/CHE"},
		{"Lebanese troops fought militants in Tripoli.", nil, "Tripoli=Tripoli/city/LBN"},
		{"The president began a visit to Nigeria's conflict-hit north on Monday.", nil, "Nigeria=Nigeria/country/NGA"},
		{"The rebels advanced quickly, capturing the provincial capital of Kherson.", nil, "Kherson=Kherson/city/UKR"},
		{"The two leaders met at Camp David for three days.", nil, "Camp David=Camp David/area/USA"},
		{"Militias clashed in Tripoli overnight.", nil, "Tripoli=Tripoli/city/LBY"},
		{"The American president spoke in Paris.", nil, "Paris=Paris/city/FRA"},
		{"Police fired on protesters in Damascus, Maryland, officials in the United States said.", nil, "Damascus=Damascus/city/USA"},
		{"Kim and Moon shook hands in the Demilitarized Zone.", nil, "Demilitarized Zone=Korean Demilitarized Zone/area/KOR"},
		{"The ministers agreed to hold further talks.", nil, ""},
		{"Rockets were fired from positions in al-Bab at Turkish troops.", nil, "al-Bab=Al Bāb/city/SYR"},
		{"The ministers expressed confidence in Malaysia as a mediator.", nil, ""},
		{"The sanctions were aimed at the United Kingdom.", nil, ""},
		{"Warships shelled the Black Sea coast of Ukraine.", nil, ""},
		{"Navy ships patrolled along the Mediterranean coast near the capital of Tripoli.", nil, "Tripoli=Tripoli/city/LBY"},
		{"Militants overran Mosul in a matter of days.", nil, "Mosul=Mosul/city/IRQ"},
		{"Russia attacked China over its trade policy.", nil, ""},
		{"Ethiopian troops invaded Somalia in December.", nil, "Somalia=Somalia/country/SOM"},
		{"Jets flew into the skies of Lebanon before dawn.", nil, "Lebanon=Lebanon/country/LBN"},
		{"The prime minister travelled to Japan and met the emperor.", nil, "Japan=Japan/country/JPN"},
		{"Britain blamed Russia for the nerve agent attack in Salisbury.", nil, "Salisbury=Salisbury/city/GBR"},
		{"The deal on the war in Ukraine was signed during talks in Kazakhstan.", nil, "Kazakhstan=Kazakhstan/country/KAZ"},
		{"Rebels retreated to the port city of Mocimboa da Praia.", nil, ""},
		{"The envoy said on Friday from Havana that talks would resume.", nil, "Havana=Havana/city/CUB"},
		{"Imports from Brazil fell sharply.", nil, ""},
		{"Officials in the White House declined to comment.", nil, ""},
		{"Fighting in the East continued.", nil, ""},
		{"Delegates met at the UN in New York.", nil, "New York=New York City/city/USA"},
		{"Unrest in St. Petersburg spread.", nil, "St. Petersburg=Saint Petersburg/city/RUS"},
		{"A strike on a school in Tal Afar killed nine.", nil, ""}, // not in cities15000; not "Tal"
		{"Gunmen stormed the Kosovo village of Zvecanbrdo overnight.", nil, "Zvecanbrdo=Kosovo/country/XKX"},
		{"Troops moved into the Syrian village of Tal Qarmash at dawn.", nil, "Tal Qarmash=Syria/country/SYR"},
		{"Rebels held out in the port city of Mocimboa da Praia.", nil, "Mocimboa da Praia=Mocímboa da Praia/city/MOZ"},
	}
	for _, tt := range tests {
		var ex []Span
		for _, x := range tt.exclude {
			i := strings.Index(tt.sentence, x)
			ex = append(ex, Span{i, i + len(x)})
		}
		p, ok := testGaz.FindPlace(tt.sentence, FindOptions{Exclude: ex})
		got := ""
		if ok {
			got = p.Text + "=" + describe(p.Entry)
			if tt.sentence[p.Start:p.End] != p.Text {
				t.Errorf("%q: span %d:%d is %q, not %q", tt.sentence, p.Start, p.End, tt.sentence[p.Start:p.End], p.Text)
			}
		}
		if got != tt.want {
			t.Errorf("FindPlace(%q) = %q, want %q", tt.sentence, got, tt.want)
		}
	}
}

func TestFindPlaceCountryOption(t *testing.T) {
	// The caller's country (the event's target, say) decides an ambiguous name.
	p, ok := testGaz.FindPlace("Gunmen attacked a police station in Hyderabad.", FindOptions{Countries: []string{"PAK"}})
	if !ok || p.Entry.Country != "PAK" {
		t.Errorf("Hyderabad with PAK preferred = %+v, %v", p.Entry, ok)
	}
	p, ok = testGaz.FindPlace("Gunmen attacked a police station in Hyderabad.", FindOptions{})
	if !ok || p.Entry.Country != "IND" {
		t.Errorf("Hyderabad alone = %+v, %v; want the larger, in India", p.Entry, ok)
	}
}

func TestFindPlaceTrigger(t *testing.T) {
	tests := []struct{ sentence, trigger, want string }{
		// The referendum's place is not the threat's.
		{"Washington threatened Moscow with sanctions after the referendum in Crimea.", "threatened", ""},
		{"Russian jets bombed rebel positions in Aleppo on Tuesday.", "bombed", "Aleppo"},
		// A venue stays, whatever stands between.
		{"The sides agreed on a truce after two days of talks in Doha.", "agreed", "Doha"},
		{"Officials said Tuesday that the army had shelled villages near Kharkiv.", "shelled", "Kharkiv"},
		{"Iran warned Israel, which struck targets in Syria last week.", "warned", ""},
	}
	for _, tt := range tests {
		i := strings.Index(tt.sentence, tt.trigger)
		p, ok := testGaz.FindPlace(tt.sentence, FindOptions{Trigger: Span{i, i + len(tt.trigger)}})
		got := ""
		if ok {
			got = p.Text
		}
		if got != tt.want {
			t.Errorf("FindPlace(%q, trigger %q) = %q, want %q", tt.sentence, tt.trigger, got, tt.want)
		}
	}
}

func TestChoosePlace(t *testing.T) {
	// One sentence, two events: the places are found once, chosen per trigger.
	s := "Israel struck targets near Damascus, after Hezbollah fired rockets from Tyre."
	ps := testGaz.FindPlaces(s, FindOptions{})
	for trigger, want := range map[string]string{"struck": "Damascus", "fired": "Tyre"} {
		i := strings.Index(s, trigger)
		p, ok := ChoosePlace(s, ps, Span{i, i + len(trigger)})
		if !ok || p.Text != want {
			t.Errorf("ChoosePlace(trigger %q) = %q, %v; want %q", trigger, p.Text, ok, want)
		}
	}
}

func TestFindPlaces(t *testing.T) {
	ps := testGaz.FindPlaces("After talks in Astana, shelling resumed near Aleppo and in Idlib province.", FindOptions{})
	var got []string
	for _, p := range ps {
		got = append(got, p.Cue+":"+p.Text)
	}
	want := "in:Astana near:Aleppo in:Idlib province"
	if strings.Join(got, " ") != want {
		t.Errorf("FindPlaces = %q, want %q", strings.Join(got, " "), want)
	}
}

func TestFindDateline(t *testing.T) {
	tests := []struct{ text, want string }{
		{"HANOI, Vietnam (AP) — Talks between the two leaders collapsed.", "HANOI=Hanoi/VNM"},
		{"GENEVA — The ministers reached a framework deal.", "GENEVA=Geneva/CHE"},
		{"Damascus, Maryland: a small town votes.", "Damascus=Damascus/USA"},
		{"The talks collapsed — both sides said.", ""},
		{"Officials said the talks would resume.", ""},
	}
	for _, tt := range tests {
		p, ok := testGaz.FindDateline(tt.text)
		got := ""
		if ok {
			got = p.Text + "=" + p.Entry.Name + "/" + p.Entry.Country
		}
		if got != tt.want {
			t.Errorf("FindDateline(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func ExampleGazetteer_FindPlace() {
	g := New()
	p, ok := g.FindPlace("Rebels shelled government positions near the northern city of Aleppo.", FindOptions{})
	fmt.Println(ok, p.Text, p.Cue, p.Entry.Country, p.Entry.Kind)
	// Output:
	// true Aleppo near SYR city
}

func BenchmarkFindPlace(b *testing.B) {
	g := New()
	if err := g.Load(); err != nil {
		b.Fatal(err)
	}
	s := "Russian and Syrian government jets struck rebel positions in the southern city of Daraa on Tuesday, a monitoring group said."
	b.ResetTimer()
	for b.Loop() {
		g.FindPlace(s, FindOptions{})
	}
}

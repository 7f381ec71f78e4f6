package id.pintu.sop.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pintu.sop.MutuBaku;
import id.pintu.sop.Waktu;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvAndWaktuImportTest {

    @Test
    void csvReaderFollowsRfc4180() {
        List<List<String>> rows = CsvReader.read("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\n");
        assertThat(rows).containsExactly(List.of("a", "b, c", "say \"hi\""), List.of("two\nlines", "", "x"));
        assertThatThrownBy(() -> CsvReader.read("a,\"open\n")).hasMessageContaining("line 1");
    }

    @Test
    void waktuReadsTheUsualSpellings() {
        assertThat(Waktu.parse("15 Menit")).contains(MutuBaku.parse("PT15M"));
        assertThat(Waktu.parse("15 mnt")).contains(MutuBaku.parse("PT15M"));
        assertThat(Waktu.parse("2 jam")).contains(MutuBaku.parse("PT2H"));
        assertThat(Waktu.parse("1,5 Jam")).contains(MutuBaku.parse("PT1H30M"));
        assertThat(Waktu.parse("3 Hari Kerja")).contains(MutuBaku.parse("P3D"));
        assertThat(Waktu.parse("3 HK")).contains(MutuBaku.parse("P3D"));
        assertThat(Waktu.parse("1 x 24 Jam")).contains(MutuBaku.parse("P1D"));
        assertThat(Waktu.parse("1 Minggu")).contains(MutuBaku.parse("P5D"));
        assertThat(Waktu.parse("2  Minggu Kerja")).contains(MutuBaku.parse("P10D"));
        assertThat(Waktu.parse("0,5 Hari")).isEmpty();
        assertThat(Waktu.parse("1-2 Hari")).isEmpty();
    }

    @Test
    void textHelpers() {
        assertThat(TableText.titleCase("PENERBITAN IZIN USAHA DAN REKLAME")).isEqualTo("Penerbitan Izin Usaha dan Reklame");
        assertThat(TableText.slug("Tim Survei / Reklame")).isEqualTo("tim-survei-reklame");
        assertThat(TableText.numberedItems("<ol> 1 Komputer 2 Kertas /Blangko 3 ATK")).containsExactly("Komputer", "Kertas /Blangko", "ATK");
    }
}

package closedloop.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersUnitTests {

    @Test
    void keepsTheFirstThreeAndTheLastFourDigitsOfANumber() {
        assertThat(PhoneNumbers.mask("13800138000")).isEqualTo("138****8000");
        assertThat(PhoneNumbers.mask("0531-88886666")).isEqualTo("053*****6666");
        assertThat(PhoneNumbers.mask("+86 138 0013 8000")).isEqualTo("138****8000");
    }

    @Test
    void comparesPhoneNumbersWithAndWithoutTheCountryCode() {
        assertThat(PhoneNumbers.same("13800138000", "+86 138-0013-8000")).isTrue();
        assertThat(PhoneNumbers.same("13800138000", "008613800138000")).isTrue();
        assertThat(PhoneNumbers.same("13800138000", "13800138001")).isFalse();
        assertThat(PhoneNumbers.same("", "")).isFalse();
        assertThat(PhoneNumbers.normalized("0531-88886666")).isEqualTo("053188886666");
    }

    @Test
    void hidesEveryDigitOfANumberTooShortToKeepAny() {
        assertThat(PhoneNumbers.mask("1234567")).isEqualTo("*******");
        assertThat(PhoneNumbers.mask("")).isEqualTo("*");
        assertThat(PhoneNumbers.mask(null)).isNull();
    }

    @Test
    void masksEveryPhoneNumberInATextHoweverItIsWritten() {
        assertThat(PhoneNumbers.maskAll("from 13800138000 and 13900001111.")).isEqualTo("from 138****8000 and 139****1111.");
        assertThat(PhoneNumbers.maskAll("call 138 0013 8000 or 138-0013-8000")).isEqualTo("call 138****8000 or 138****8000");
        assertThat(PhoneNumbers.maskAll("+8613800138000, 0086 13800138000, 8613800138000"))
                .isEqualTo("+86138****8000, 0086 138****8000, 86138****8000");
        assertThat(PhoneNumbers.maskAll("landline 0531-88886666 or 053188886666"))
                .isEqualTo("landline 053*****6666 or 053*****6666");
        assertThat(PhoneNumbers.maskAll("phone=13800138000&x")).isEqualTo("phone=138****8000&x");
        assertThat(PhoneNumbers.maskAll("投诉人手机13800138000，请回电")).isEqualTo("投诉人手机138****8000，请回电");
    }

    @Test
    void leavesComplaintNumbersDatesIdsAndLongerDigitRunsAlone() {
        String text = "Complaint TS-20261123-000001 by 2026-11-25 09:00, message 5b0c9a1e-1380-0138-8000-123456789abc, "
                + "offset 138001380001234, at 1763859600000, reply code 4821";
        assertThat(PhoneNumbers.maskAll(text)).isEqualTo(text);
        assertThat(PhoneNumbers.containsPhone(text)).isFalse();
        assertThat(PhoneNumbers.maskAll(null)).isNull();
    }

    @Test
    void tellsWhetherATextHoldsAPhoneNumber() {
        assertThat(PhoneNumbers.containsPhone("13800138000")).isTrue();
        assertThat(PhoneNumbers.containsPhone("branch:LIXIA-01")).isFalse();
        assertThat(PhoneNumbers.containsPhone(null)).isFalse();
    }

    @Test
    void printsARecordAsItsOwnToStringWouldWithItsPhoneNumbersMasked() {
        assertThat(PhoneNumbers.toMaskedString(new Caller("Wang Fang", "13800138000", new Caller("Li", "0531-88886666",
                null)))).isEqualTo("Caller[name=Wang Fang, phone=138****8000, "
                + "referredBy=Caller[name=Li, phone=053*****6666, referredBy=null]]");
    }

    record Caller(String name, String phone, Caller referredBy) {
        @Override
        public String toString() {
            return PhoneNumbers.toMaskedString(this);
        }
    }

    @Test
    void retellsAnErrorWithItsMessagesAndCausesMaskedAndItsStackTrace() {
        IllegalStateException cause = new IllegalStateException("dup key: { phone: \"13800138000\" }");
        RuntimeException error = new RuntimeException("write failed for 13900001111", cause);
        error.addSuppressed(new IllegalArgumentException("also 13700002222"));

        Throwable masked = PhoneNumbers.masked(error);

        assertThat(masked).hasMessage("java.lang.RuntimeException: write failed for 139****1111");
        assertThat(masked.getStackTrace()).isEqualTo(error.getStackTrace());
        assertThat(masked.getCause())
                .hasMessage("java.lang.IllegalStateException: dup key: { phone: \"138****8000\" }");
        assertThat(masked.getSuppressed()[0]).hasMessage("java.lang.IllegalArgumentException: also 137****2222");
        assertThat(PhoneNumbers.masked(new IllegalStateException())).hasMessage("java.lang.IllegalStateException");
    }
}

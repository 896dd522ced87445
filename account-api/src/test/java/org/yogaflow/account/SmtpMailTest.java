package org.yogaflow.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yogaflow.account.TestApi.json;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The production mail path: a real SMTP conversation with GreenMail. */
class SmtpMailTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void registrationAndResetEmailsGoThroughSmtp(@TempDir Path dir) throws Exception {
        try (TestApi api = new TestApi(dir, Map.of(
                "YOGAFLOW_SMTP_HOST", "127.0.0.1",
                "YOGAFLOW_SMTP_PORT", Integer.toString(SMTP.getSmtp().getPort()),
                "YOGAFLOW_SMTP_TLS", "none",
                "YOGAFLOW_MAIL_FROM", "YogaFlow <hello@yogaflow.example>",
                "YOGAFLOW_SITE_URL", "https://yogaflow.example/studio/"))) {
            api.register("mira@example.org", TestApi.PASSWORD);
            assertTrue(SMTP.waitForIncomingEmail(5000, 1));
            MimeMessage verify = SMTP.getReceivedMessages()[0];
            assertEquals("Confirm your YogaFlow account", verify.getSubject());
            assertEquals("hello@yogaflow.example", ((jakarta.mail.internet.InternetAddress) verify.getFrom()[0]).getAddress());
            String body = GreenMailUtil.getBody(verify);
            assertTrue(body.contains("https://yogaflow.example/studio/account/verify-email/?token="), body);
            assertEquals(204, api.post("/auth/verify-email", json("token", TestApi.token(body))).status());

            api.post("/auth/forgot-password", json("email", "mira@example.org"));
            assertTrue(SMTP.waitForIncomingEmail(5000, 2));
            MimeMessage reset = SMTP.getReceivedMessages()[1];
            assertEquals("Reset your YogaFlow password", reset.getSubject());
            assertTrue(api.outbox().isEmpty(), "nothing goes to the outbox when SMTP is set");
        }
    }
}

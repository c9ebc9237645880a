package archfixtures.strayclass.adapters.mail;

/** Violation: a new adapter that nobody declared in HexagonRules.ADAPTERS. */
public class MailSender {
}

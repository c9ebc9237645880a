package archfixtures.clean.application.shared.port.out;

public interface SecretSealing {

    String seal(String clearText, String context);

    String open(String sealed, String context);
}

package archfixtures.access.securedroles.domain.money;

public record Money(long cents, String currency) {
}

package archfixtures.access.clean.domain.money;

public record Money(long cents, String currency) {
}

package archfixtures.access.roleconstant.domain.money;

public record Money(long cents, String currency) {
}

package archfixtures.access.domaininjson.domain.money;

public record Money(long cents, String currency) {
}

package com.cspdesk.adapters.persistence.customers;

import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

// Keyset paging in (company_name, tenant_id) order, served by ix_customer_name_tenant; the prefix
// (a LIKE pattern escaped with '!') matches the lower-cased name or domain.
@StoredInDatabase
@JdbcRepository(dialect = Dialect.MYSQL)
interface CustomerRepository extends CrudRepository<CustomerRow, String> {

    Optional<CustomerRow> findByDomainKey(String domainKey);

    @Query("SELECT * FROM customer ORDER BY company_name, tenant_id LIMIT :limit")
    List<CustomerRow> firstPage(int limit);

    @Query("SELECT * FROM customer"
            + " WHERE company_name > :companyName OR (company_name = :companyName AND tenant_id > :tenantId)"
            + " ORDER BY company_name, tenant_id LIMIT :limit")
    List<CustomerRow> pageAfter(String companyName, String tenantId, int limit);

    @Query("SELECT * FROM customer WHERE (name_key LIKE :pattern ESCAPE '!' OR domain_key LIKE :pattern ESCAPE '!')"
            + " ORDER BY company_name, tenant_id LIMIT :limit")
    List<CustomerRow> firstPageMatching(String pattern, int limit);

    @Query("SELECT * FROM customer WHERE (name_key LIKE :pattern ESCAPE '!' OR domain_key LIKE :pattern ESCAPE '!')"
            + " AND (company_name > :companyName OR (company_name = :companyName AND tenant_id > :tenantId))"
            + " ORDER BY company_name, tenant_id LIMIT :limit")
    List<CustomerRow> pageAfterMatching(String pattern, String companyName, String tenantId, int limit);

    @Query("SELECT COUNT(*) FROM customer WHERE name_key LIKE :pattern ESCAPE '!' OR domain_key LIKE :pattern ESCAPE '!'")
    long countMatching(String pattern);
}
